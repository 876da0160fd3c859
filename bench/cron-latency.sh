#!/usr/bin/env bash
# Crontab firing latency: a `* * * * *` crontab runs a one-host cmd job through the embedded product;
# for each fire, prints the delay from the scheduled minute to the task's start (`starttimems`, when it
# became `running`) and to the moment a client polling `GET /task/0` every 0.1 s first saw it.
#   bench/cron-latency.sh [FIRES=3]          (root; CONFIG=Debug reuses a Debug build)
set -euo pipefail
FIRES=${1:-3}
CONFIG=${CONFIG:-Release}
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH_NAME=cron . "$ROOT/bench/scratch.sh"
. "$ROOT/bench/farm.sh"
. "$ROOT/bench/product.sh"
[ -x /usr/sbin/sshd ] || DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null

PORT=$(free_port)
farm_start "$W/farm" 1 "$PORT" openc3bench

[ "$CONFIG" = Debug ] || dotnet build "$ROOT/Api/Api.csproj" -c "$CONFIG" -nologo -clp:ErrorsOnly >/dev/null
product_start "$W/product" "$ROOT/Api/bin/$CONFIG/net10.0/OpenC3.Api.dll" \
  Connector__Apps__bench=bench-key Connector__AdminPassword=bench-admin-pass \
  Ssh__User=openc3bench Ssh__KeyFile="$FARM_KEY" Ssh__Port="$PORT"

python3 - "$BASE" "$FARM_ADDRS" "$FIRES" <<'PY'
import json, statistics, sys, time, urllib.request
base, host, fires = sys.argv[1], sys.argv[2], int(sys.argv[3])
headers = {"appname": "bench", "appkey": "bench-key", "content-type": "application/json"}

def call(path, body=None):
    data = None if body is None else json.dumps(body).encode()
    reply = json.load(urllib.request.urlopen(urllib.request.Request(base + "/api/job" + path, data, headers)))
    if not reply.get("stat"):
        raise SystemExit(f"{path}: {reply}")
    return reply

step = {"plugin_type": "cmd", "name": "tick", "user": "openc3bench", "node_type": "builtin", "node_cont": host,
        "scripts_type": "shell", "scripts_cont": "true", "scripts_argv": "", "timeout": "60"}
job = call("/jobs/0", {"name": "cron-bench", "permanent": 1, "data": [step]})["uuid"]
crontab = call("/crontab/0", {"name": "bench", "jobuuid": job, "cron": "* * * * *", "mutex": ""})["id"]
call(f"/crontab/0/{crontab}/status", {"status": "available"})

seen = {}
deadline = time.time() + 60 * (fires + 1) + 10
while len(seen) < fires and time.time() < deadline:
    for task in call("/task/0")["data"]:
        if task["calltype"] == "crontab" and task["uuid"] not in seen:
            seen[task["uuid"]] = time.time()
    time.sleep(0.1)
call(f"/crontab/0/{crontab}/status", {"status": "unavailable"})

rows = []
for uuid, seen_at in seen.items():
    task = call(f"/task/0/{uuid}")["data"]
    started = float(task["starttimems"])
    minute = started // 60 * 60
    rows.append((started - minute, seen_at - minute, task["status"], uuid))
rows.sort()
print(f"fires: {len(rows)} of {fires}")
print(f"{'uuid':14} {'start_s':>8} {'seen_s':>8} status")
for start, seen_s, status, uuid in rows:
    print(f"{uuid:14} {start:8.3f} {seen_s:8.3f} {status}")
if rows:
    starts = [r[0] for r in rows]
    seens = [r[1] for r in rows]
    print(f"start latency s: min {min(starts):.3f} median {statistics.median(starts):.3f} max {max(starts):.3f}")
    print(f"seen by a 0.1 s poller s: min {min(seens):.3f} median {statistics.median(seens):.3f} max {max(seens):.3f}")
PY
