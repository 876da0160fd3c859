#!/usr/bin/env bash
# Scenario 5's idle footprint alone: starts the Release product (embedded profile, fresh SQLite) REPS times
# one after another, asks /readyz once, and 60 s after start prints VmRSS and its split from smaps_rollup
# (anonymous, file-backed, shared memory: the JIT's double-mapped code). Extra NAME=VALUE arguments go into
# the product's environment, for A/B of runtime knobs: bench/idle-rss.sh 3 DOTNET_TieredCompilation=1
#   bench/idle-rss.sh [REPS=3] [NAME=VALUE ...]     (CONFIG=Debug measures the Debug build; NOBUILD=1 skips the build)
set -euo pipefail
REPS=${1:-3}
shift || true
CONFIG=${CONFIG:-Release}
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH_NAME=rss . "$ROOT/bench/scratch.sh"
. "$ROOT/bench/farm.sh"
. "$ROOT/bench/product.sh"

[ -n "${NOBUILD:-}" ] || dotnet build "$ROOT/Api/Api.csproj" -c "$CONFIG" -nologo -clp:ErrorsOnly >/dev/null
# status PID: VmRSS and its RssFile, RssAnon, RssShmem in MB
status() { awk '/^(VmRSS|RssFile|RssAnon|RssShmem):/ { printf "%.1f ", $2 / 1024 }' "/proc/$1/status"; }

echo "rss_mb anon_mb file_mb shmem_mb"
for (( r = 1; r <= REPS; r++ )); do
  STARTED=$(date +%s)
  product_start "$W/$r" "$ROOT/Api/bin/$CONFIG/net10.0/OpenC3.Api.dll" "$@"
  for (( i = 0; i < 70 && $(date +%s) - STARTED < 60; i++ )); do sleep 1; done
  echo "$(status "$PRODUCT")"
  kill "$PRODUCT"
  wait "$PRODUCT" 2>/dev/null || true
done
