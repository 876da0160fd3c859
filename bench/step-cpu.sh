#!/usr/bin/env bash
# The product's CPU seconds (utime + stime from /proc, not wall time: it stays readable on a loaded machine) for
# scenario 2's job on N loopback hosts: the job cold (fresh product), then REPS times warm (pooled connections),
# and REPS warm runs of its cmd step alone; the warm scp step is the warm job less two warm cmd runs.
#   bench/step-cpu.sh [N=100] [REPS=3]        (root; NOBUILD=1 reuses the Release builds)
#   TRACE=out.nettrace samples the product's threads (dotnet-trace, dotnet-sampled-thread-time) for TRACE_SECONDS (30) from the warm job runs on
set -euo pipefail
N=${1:-100}
REPS=${2:-3}
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH_NAME=stepcpu . "$ROOT/bench/scratch.sh"
. "$ROOT/bench/farm.sh"
. "$ROOT/bench/product.sh"
[ -x /usr/sbin/sshd ] || DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null

if [ -z "${NOBUILD:-}" ]; then
  dotnet build "$ROOT/Api/Api.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
  dotnet build "$ROOT/bench/Client/Client.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
fi
PORT=$(free_port)
farm_start "$W/farm" "$N" "$PORT" openc3bench
head -c 1048576 /dev/urandom >"$W/payload-1m.bin"
mkdir -p "$W/dest" && chmod 777 "$W/dest"

product_start "$W/product" "$ROOT/Api/bin/Release/net10.0/OpenC3.Api.dll" \
  Connector__Apps__bench=bench-key Connector__AdminPassword=bench-admin-pass \
  Ssh__User=openc3bench Ssh__KeyFile="$FARM_KEY" Ssh__Port="$PORT"

client() { dotnet "$ROOT/bench/Client/bin/Release/net10.0/OpenC3.Bench.dll" "$1" --base "$BASE" --user openc3bench "${@:2}"; }
cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$PRODUCT/stat"; }
# measure LABEL CLIENT-ARGS...: one run, its product CPU seconds and the client's result
measure() {
  local label=$1 before out
  shift
  before=$(cpu)
  out=$(client task "$@")
  printf '%-10s cpu_s %s  %s\n' "$label" "$(echo "$(cpu) - $before" | bc)" "$out"
}

job=$(client make-job --hosts "$FARM_ADDRS" --file "$W/payload-1m.bin" --dir "$W/dest" --name bench-3-steps \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["job_uuid"])')
measure "job cold" --job "$job" --hosts "$FARM_ADDRS"
if [ -n "${TRACE:-}" ]; then
  # A fixed duration: in the background dotnet-trace ignores SIGINT and never sees a key press.
  dotnet-trace collect -p "$PRODUCT" --profile dotnet-sampled-thread-time --duration "00:00:00:${TRACE_SECONDS:-30}" \
    -o "$TRACE" >"$W/trace.log" 2>&1 &
  TRACER=$!
  PIDS+=("$TRACER")
  sleep 3
fi
for (( r = 1; r <= REPS; r++ )); do measure "job warm" --job "$job" --hosts "$FARM_ADDRS"; done
if [ -n "${TRACE:-}" ]; then
  wait "$TRACER" || true
fi
for (( r = 1; r <= REPS; r++ )); do measure "cmd warm" --hosts "$FARM_ADDRS"; done
