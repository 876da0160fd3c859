#!/usr/bin/env bash
# Scenario 3 alone, for A/B on a shared machine: one farm of 50 hosts; per round, each build given (a folder with
# OpenC3.Api.dll, optionally `+KEY=VALUE…` settings) on a fresh product (SQLite, or a fresh MariaDB database with
# MARIADB=1) runs TASKS single-host `true` tasks from 50 clients (bench/Client `tasks`, after one untimed task that
# connects the 50 hosts), then `xargs -P 50 ssh` over ControlMaster runs the product's remote command line TASKS times.
# Per run: tasks/s, p50/p99 (and server_p50_ms, the product's own start-to-finish median), and CPU ms per task of the product, of the client (the .NET client or ssh + xargs), and of
# the farm (sshd and what it forks: the remote command line), the last read from the sshd listeners' reaped children
# after the product (or the masters) closed their connections. With MariaDB also the server's statements per task
# (`SHOW GLOBAL STATUS` Com_* counters) and the server's CPU per task.
#   bench/throughput/s3.sh BUILD_DIR[+KEY=VALUE…] [BUILD_DIR…]   (root; env TASKS=300 ROUNDS=3 MARIADB=0 BASELINE=1;
#   WARMUP=n runs n tasks the same way, untimed, first: the steady state of a product whose code is compiled and tiered up;
#   KEEP_LOGS=dir keeps each product's log there; GENERAL_LOG=file (with MARIADB=1) keeps the server's general log of the timed tasks;
#   DIGESTS=file (with MARIADB=1 MARIADB_ARGS=--performance-schema=ON) appends the server's time per statement digest;
#   COUNTERS=file.csv collects System.Runtime counters (dotnet-counters) for TRACE_SECONDS;
#   TRACE=file.nettrace samples the product's threads with dotnet-trace for TRACE_SECONDS (5) from 1 s into the tasks;
#   PERF=file.data records the whole machine's CPU with `perf record -a -g` for TRACE_SECONDS from 1 s into the tasks
#   (give the build `+DOTNET_PerfMapEnabled=1` so compiled .NET frames have names))
set -euo pipefail
TASKS=${TASKS:-300}; ROUNDS=${ROUNDS:-3}; HOSTS=50
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCRATCH_NAME=s3 . "$ROOT/bench/scratch.sh"
. "$ROOT/bench/farm.sh"
. "$ROOT/bench/mariadb.sh"
CLIENT_DLL=${CLIENT_DLL:-$ROOT/bench/Client/bin/Release/net10.0/OpenC3.Bench.dll}
[ -f "$CLIENT_DLL" ] || dotnet build "$ROOT/bench/Client/Client.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
PORT=$(free_port)
farm_start "$W/farm" "$HOSTS" "$PORT" openc3bench
[ "${MARIADB:-0}" = 1 ] && mariadb_start "$W" openc3bench
TCK=$(getconf CLK_TCK)
sshd_pids() { cat "$W"/farm/sshd-*.pid; }
# CPU ms of PIDs' own time plus their reaped children's.
cpu_ms() { local p t=0; for p in "$@"; do t=$(( t + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat") )); done; echo $(( t * 1000 / TCK )); }
own_ms() { awk -v t="$TCK" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$1/stat"; }
sql() { mariadb --no-defaults -S "$W/db.sock" -uroot -N -e "$1"; }
com_counts() { sql "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_select','Com_insert','Com_update','Com_delete','Com_commit','Com_begin','Com_insert_select','Com_replace','Com_set_option')" | awk '{ printf "%s=%s ", $1, $2 }'; }
per_task() { echo "scale=2; $1 / $TASKS" | bc; }
json() { python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(" ".join(f"{k} {d[k]}" for k in sys.argv[1:]))' "$@"; }
csv=$FARM_ADDRS

run_product() {
  local build=$1 settings=$2 dir=$W/run storage farm0 before client_ms out
  rm -rf "$dir" && mkdir -p "$dir"
  storage=("Storage__ConnectionString=Data Source=$dir/openc3.db")
  if [ "${MARIADB:-0}" = 1 ]; then
    local db="s3_$(date +%s%N)"
    sql "CREATE DATABASE $db CHARACTER SET utf8mb4"
    storage=(Storage__Provider=mysql "Storage__ConnectionString=$MARIADB_CONNECTION;Database=$db")
  fi
  BASE=http://127.0.0.1:$(free_port)
  farm0=$(cpu_ms $(sshd_pids))
  (
    cd "$dir"
    exec env Urls="$BASE" "${storage[@]}" Orleans__SiloPort="$(free_port)" Orleans__GatewayPort="$(free_port)" \
      Connector__Apps__bench=bench-key Connector__AdminPassword=bench-admin-pass \
      Ssh__User=openc3bench Ssh__KeyFile="$FARM_KEY" Ssh__Port="$PORT" Logging__LogLevel__Default=Warning ${settings//+/ } \
      dotnet "$build/OpenC3.Api.dll"
  ) >"$dir/product.log" 2>&1 &
  PRODUCT=$!
  PIDS+=("$PRODUCT")
  for (( i = 0; i < 600; i++ )); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.1; done
  dotnet "$CLIENT_DLL" task --base "$BASE" --user openc3bench --hosts "$csv" >/dev/null
  [ "${WARMUP:-0}" -gt 0 ] && dotnet "$CLIENT_DLL" tasks --base "$BASE" --user openc3bench --count "$WARMUP" --clients 50 --hosts "$csv" >/dev/null
  local farm1 prod0 coms0="" db0=0
  farm1=$(cpu_ms $(sshd_pids))   # (connections still open: their sessions' CPU is counted when they close)
  prod0=$(own_ms "$PRODUCT")
  [ "${MARIADB:-0}" = 1 ] && { coms0=$(com_counts); db0=$(own_ms "$(cat "$W/db.pid")"); }
  [ -n "${DIGESTS:-}" ] && sql "TRUNCATE performance_schema.events_statements_summary_by_digest"
  [ -n "${GENERAL_LOG:-}" ] && sql "SET GLOBAL general_log_file='$GENERAL_LOG'; SET GLOBAL general_log=1"
  if [ -n "${COUNTERS:-}" ]; then
    dotnet-counters collect -p "$PRODUCT" --counters System.Runtime --refresh-interval 1 --format csv -o "$COUNTERS" \
      --duration "00:00:00:${TRACE_SECONDS:-5}" >"$W/counters.log" 2>&1 &
    TRACER=$!
  fi
  if [ -n "${TRACE:-}" ]; then
    # A fixed duration: in the background dotnet-trace ignores SIGINT.
    dotnet-trace collect -p "$PRODUCT" --profile dotnet-sampled-thread-time --duration "00:00:00:${TRACE_SECONDS:-5}" -o "$TRACE" >"$W/trace.log" 2>&1 &
    TRACER=$!
    sleep 1
  fi
  if [ -n "${PERF:-}" ]; then
    ( sleep 1; exec perf record -a -g -o "$PERF" -- sleep "${TRACE_SECONDS:-5}" ) >"$W/perf.log" 2>&1 &
    TRACER=$!
  fi
  /usr/bin/time -f '%U %S' -o "$W/time" dotnet "$CLIENT_DLL" tasks --base "$BASE" --user openc3bench --count "$TASKS" --clients 50 --hosts "$csv" >"$W/out"
  local prod_ms=$(( $(own_ms "$PRODUCT") - prod0 )) coms1="" db_ms=""
  [ -n "${TRACE:-}${COUNTERS:-}${PERF:-}" ] && { wait "$TRACER" || true; }
  [ "${MARIADB:-0}" = 1 ] && { coms1=$(com_counts); db_ms=$(( $(own_ms "$(cat "$W/db.pid")") - db0 )); }
  [ -n "${GENERAL_LOG:-}" ] && sql "SET GLOBAL general_log=0"
  [ -n "${DIGESTS:-}" ] && sql "SELECT ROUND(SUM_TIMER_WAIT / 1e9 / $TASKS, 3) AS ms_per_task, ROUND(COUNT_STAR / $TASKS, 2) AS per_task,
      LEFT(REGEXP_REPLACE(DIGEST_TEXT, '[[:space:]]+', ' '), 90) FROM performance_schema.events_statements_summary_by_digest
      ORDER BY SUM_TIMER_WAIT DESC LIMIT 25" >>"$DIGESTS"
  kill "$PRODUCT"; wait "$PRODUCT" 2>/dev/null || true
  [ -n "${KEEP_LOGS:-}" ] && cp "$dir/product.log" "$KEEP_LOGS/product-$(date +%s%N).log"
  sleep 0.5
  read -r u s <"$W/time"
  client_ms=$(echo "($u + $s) * 1000" | bc)
  echo "  $(json tasks_per_s p50_ms p99_ms server_p50_ms failed <"$W/out")  cpu ms/task: product $(per_task $prod_ms) client $(per_task "$client_ms") farm(incl. warm-up) $(per_task $(( $(cpu_ms $(sshd_pids)) - farm0 )))"
  if [ -n "$coms1" ]; then
    python3 - "$coms0" "$coms1" "$TASKS" <<'EOF'
import sys
a = dict(kv.split("=") for kv in sys.argv[1].split()); b = dict(kv.split("=") for kv in sys.argv[2].split())
print("  statements per task: " + " ".join(f"{k}={(int(b[k]) - int(a[k])) / int(sys.argv[3]):.1f}" for k in a))
EOF
    echo "  database server cpu ms/task: $(per_task "$db_ms")"
  fi
  grep -m3 -i " fail\|error\|exception" "$dir/product.log" | cut -c1-200 || true
}

run_baseline() {
  local remote farm0 h i
  remote=$(dotnet "$CLIENT_DLL" remote-command --base http://unused --user openc3bench)
  python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["stdin"], end="")' <<<"$remote" >"$W/stdin"
  cmd=$(python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["command"])' <<<"$remote")
  printf 'Host *\n  User openc3bench\n  Port %s\n  IdentityFile %s\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  BatchMode yes\n  LogLevel ERROR\n' "$PORT" "$FARM_KEY" >"$W/ssh_config"
  mkdir -p "$W/cm"
  farm0=$(cpu_ms $(sshd_pids))
  IFS=, read -r -a hosts <<<"$csv"
  for h in "${hosts[@]}"; do ssh -F "$W/ssh_config" -o ControlMaster=yes -o ControlPersist=yes -o ControlPath="$W/cm/%C" -n "$h" true; done
  for (( i = 0; i < TASKS; i++ )); do echo "${hosts[i % HOSTS]}"; done >"$W/list"
  /usr/bin/time -f '%e %U %S' -o "$W/time" xargs -a "$W/list" -P 50 -I{} sh -c \
    'ssh -F "$1" -o ControlPath="$2" -T "$3" "$4" <"$5" >/dev/null || echo "failed: $3" >&2' sh "$W/ssh_config" "$W/cm/%C" {} "$cmd" "$W/stdin" 2>"$W/err"
  for h in "${hosts[@]}"; do ssh -F "$W/ssh_config" -o ControlPath="$W/cm/%C" -O exit "$h" 2>/dev/null || true; done
  sleep 0.5
  read -r e u s <"$W/time"
  echo "  tasks_per_s $(echo "scale=1; $TASKS / $e" | bc) failed $(grep -c '^failed' "$W/err" || true)  cpu ms/task: ssh+xargs $(per_task "$(echo "($u + $s) * 1000" | bc)") farm(incl. masters) $(per_task $(( $(cpu_ms $(sshd_pids)) - farm0 )))"
}

for (( r = 1; r <= ROUNDS; r++ )); do
  for variant in "$@"; do
    IFS=+ read -r build settings <<<"$variant"
    echo "== round $r: $variant"
    run_product "$build" "${settings:-}"
  done
  if [ "${BASELINE:-1}" = 1 ]; then
    echo "== round $r: xargs -P 50 ssh (ControlMaster)"
    run_baseline
  fi
done
