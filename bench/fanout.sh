#!/usr/bin/env bash
# The same trivial command (`true`) on N loopback SSH hosts, run through the OpenC3.Orleans API
# (embedded profile, one POST /task/0/plugin_cmd, polled until it ends) and through pdsh, in one run
# on one farm. Prints wall time and CPU seconds for each and our ratio to pdsh.
#   bench/fanout.sh [N=200] [REPS=3]        (root; installs pdsh and openssh-server if missing)
set -euo pipefail
N=${1:-200}
REPS=${2:-3}
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH_NAME=bench . "$ROOT/bench/scratch.sh"
. "$ROOT/bench/farm.sh"
. "$ROOT/bench/product.sh"

command -v pdsh >/dev/null && [ -x /usr/sbin/sshd ] || {
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends pdsh openssh-server openssh-client >/dev/null
}

PORT=$(free_port)
farm_start "$W/farm" "$N" "$PORT" openc3bench
echo "$FARM_ADDRS" | tr ',' '\n' > "$W/hosts"

dotnet build "$ROOT/Api/Api.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
product_start "$W/product" "$ROOT/Api/bin/Release/net10.0/OpenC3.Api.dll" \
  Connector__Apps__bench=bench-key Connector__AdminPassword=bench-admin-pass \
  Ssh__User=openc3bench Ssh__KeyFile="$FARM_KEY" Ssh__Port="$PORT" Ssh__MaxParallel=256

cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }

api_run() {
  python3 - "$BASE" "$FARM_ADDRS" <<'PY'
import json, sys, time, urllib.request
base, hosts = sys.argv[1], sys.argv[2]
headers = {"appname": "bench", "appkey": "bench-key", "content-type": "application/json"}
body = json.dumps({"name": "bench", "user": "openc3bench", "node_type": "builtin", "node_cont": hosts,
                   "scripts_type": "shell", "scripts_cont": "true", "timeout": 120}).encode()
start = time.time()
reply = json.load(urllib.request.urlopen(urllib.request.Request(f"{base}/api/job/task/0/plugin_cmd", body, headers)))
uuid = reply["data"]["uuid"]
while True:
    task = json.load(urllib.request.urlopen(urllib.request.Request(f"{base}/api/job/task/0/{uuid}", headers=headers)))["data"]
    if task["status"] in ("success", "fail"):
        break
    time.sleep(0.05)
print(f"{time.time() - start:.2f} {task['status']}")
PY
}

pdsh_run() {
  local start end
  start=$(date +%s.%N)
  PDSH_SSH_ARGS_APPEND="-i $FARM_KEY -p $PORT -l openc3bench -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR" \
    /usr/bin/time -f "%U %S" -o "$W/pdsh.time" pdsh -R ssh -f 64 -w "^$W/hosts" true >/dev/null 2>"$W/pdsh.err" || true
  end=$(date +%s.%N)
  printf '%.2f %s\n' "$(echo "$end - $start" | bc)" "$(awk '{ printf "%.2f", $1 + $2 }' "$W/pdsh.time")"
}

echo "hosts: $N, reps: $REPS"
printf '%-22s %8s %8s %s\n' tool wall_s cpu_s note
first=1
api_total=0; pdsh_total=0; api_cpu_total=0; pdsh_cpu_total=0
for (( r = 1; r <= REPS; r++ )); do
  before=$(cpu_seconds "$PRODUCT")
  read -r wall status < <(api_run)
  cpu=$(echo "$(cpu_seconds "$PRODUCT") - $before" | bc)
  note=$([ $first = 1 ] && echo "first run: connects, JIT" || echo "pooled connections")
  printf '%-22s %8s %8s %s\n' "openc3-orleans" "$wall" "$cpu" "$status, $note"
  if [ $first = 0 ]; then api_total=$(echo "$api_total + $wall" | bc); api_cpu_total=$(echo "$api_cpu_total + $cpu" | bc); fi
  first=0
  read -r pwall pcpu < <(pdsh_run)
  printf '%-22s %8s %8s %s\n' "pdsh -f 64" "$pwall" "$pcpu" "new connections"
  pdsh_total=$(echo "$pdsh_total + $pwall" | bc); pdsh_cpu_total=$(echo "$pdsh_cpu_total + $pcpu" | bc)
done
if [ "$REPS" -gt 1 ]; then
  echo "mean wall (warm runs) openc3/pdsh: $(echo "scale=2; ($api_total / ($REPS - 1)) / ($pdsh_total / $REPS)" | bc)"
  echo "mean cpu  (warm runs) openc3/pdsh: $(echo "scale=2; ($api_cpu_total / ($REPS - 1)) / ($pdsh_cpu_total / $REPS)" | bc)"
fi
