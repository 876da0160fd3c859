#!/usr/bin/env bash
# The console's run page at scale (issue 17), never a CI assertion: one quick command on N farm hosts printing
# LINES lines each (3 distinct outputs), watched live in headless Chromium (chromedriver over its HTTP protocol,
# bench/console-bench.py, Python's standard library only). Prints: long tasks over 50 and 100 ms, the status
# filter's repaint time, DOM elements (shadow roots included), JS heap, and the time from the last host's
# report (seen by polling the API) to the page showing 3 finished groups.
#   bench/console.sh [N=500] [LINES=200]      (root, Debian; installs chromium, chromium-driver, openssh-server if missing)
#   SHOTS=dir   also saves, in both themes, a run waiting for a decision (run-page-light.png, run-page-dark.png; the README's pictures)
set -euo pipefail
N=${1:-500}
LINES=${2:-200}
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH_NAME=bench-console . "$ROOT/bench/scratch.sh"
. "$ROOT/bench/farm.sh"
. "$ROOT/bench/product.sh"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
[ -x /usr/sbin/sshd ] || need+=(openssh-server openssh-client)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PORT=$(free_port)
farm_start "$W/farm" "$N" "$PORT" openc3bench

# The Release build bundles the console (Api.csproj runs npm ci and esbuild in Console/).
dotnet build "$ROOT/Api/Api.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
product_start "$W/product" "$ROOT/Api/bin/Release/net10.0/OpenC3.Api.dll" \
  Connector__Apps__bench=bench-key Connector__AdminPassword=bench-admin-pass \
  Ssh__User=openc3bench Ssh__KeyFile="$FARM_KEY" Ssh__Port="$PORT" Ssh__MaxParallel=256

DRIVER_PORT=$(free_port)
/usr/bin/chromedriver --port="$DRIVER_PORT" --allowed-ips=127.0.0.1 >"$W/chromedriver.log" 2>&1 &
PIDS+=($!)

[ -z "${SHOTS:-}" ] || mkdir -p "$SHOTS"
python3 "$ROOT/bench/console-bench.py" "$BASE" "http://127.0.0.1:$DRIVER_PORT" "$FARM_ADDRS" "$LINES" "$W/chromium-profile" "${SHOTS:-}"
