#!/usr/bin/env bash
# A/B of the warm path and of task throughput, on one farm in one run: for each build given (a folder with
# OpenC3.Api.dll, e.g. a copy of Api/bin/Release/net10.0 before a change, then the current one), ROUNDS times
# alternately, a fresh embedded product (SQLite) does a cold fan-out on HOSTS hosts, warm fan-outs on 200 and
# HOSTS hosts, then TASKS single-host tasks from CLIENTS concurrent clients polling every POLL s (load.py).
# A build may carry settings for its product: `DIR+Storage__SqliteSynchronous=full+…`.
# MARIADB=1 runs each on a fresh database of a throwaway MariaDB (default durability: flush at every commit).
# Prints wall times, tasks/s, p50/p99 and the product's CPU seconds per phase.
#   bench/throughput/perf.sh BUILD_DIR[+KEY=VALUE…] [BUILD_DIR…]     (root; env HOSTS=500 TASKS=1000 CLIENTS=50 POLL=0.1 ROUNDS=1 REPS=2 MARIADB=0)
set -euo pipefail
HOSTS=${HOSTS:-500}; TASKS=${TASKS:-1000}; CLIENTS=${CLIENTS:-50}; POLL=${POLL:-0.1}; ROUNDS=${ROUNDS:-1}; REPS=${REPS:-2}
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCRATCH_NAME=perf . "$ROOT/bench/scratch.sh"
. "$ROOT/bench/farm.sh"
PORT=$(free_port)
farm_start "$W/farm" "$HOSTS" "$PORT" openc3bench
LOAD="$ROOT/bench/throughput/load.py"
if [ "${MARIADB:-0}" = 1 ]; then
  DBP=$(free_port)
  mariadb-install-db --no-defaults --datadir="$W/db" --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve --user=root >"$W/db-install.log" 2>&1
  mariadbd --no-defaults --datadir="$W/db" --socket="$W/db.sock" --port="$DBP" --bind-address=127.0.0.1 --user=root --skip-name-resolve \
    --log-error="$W/db.err" --pid-file="$W/db.pid" --innodb-buffer-pool-size=128M --max-connections=1000 &
  PIDS+=($!)
  for i in $(seq 300); do mariadb-admin --no-defaults -S "$W/db.sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
  mariadb --no-defaults -S "$W/db.sock" -uroot -e "CREATE USER 'perf'@'%' IDENTIFIED BY 'perf-pass'; GRANT ALL ON *.* TO 'perf'@'%';"
fi
cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }

measure() { # label command… : runs it, prints its output and the product's CPU seconds
  local label=$1 before; shift
  before=$(cpu_seconds "$PRODUCT")
  "$@" | sed "s/^/  $label: /"
  echo "  $label: product cpu $(echo "$(cpu_seconds "$PRODUCT") - $before" | bc) s"
}

for (( r = 1; r <= ROUNDS; r++ )); do
  for variant in "$@"; do
    IFS=+ read -r build settings <<<"$variant"
    API_PORT=$(free_port)
    BASE=http://127.0.0.1:$API_PORT
    rm -rf "$W/run" && mkdir -p "$W/run"
    storage=("Storage__ConnectionString=Data Source=$W/run/openc3.db")
    if [ "${MARIADB:-0}" = 1 ]; then
      db="perf_$(date +%s%N)"
      mariadb --no-defaults -S "$W/db.sock" -uroot -e "CREATE DATABASE $db"
      storage=(Storage__Provider=mysql "Storage__ConnectionString=Server=127.0.0.1;Port=$DBP;Database=$db;User=perf;Password=perf-pass")
    fi
    (
      cd "$W/run"
      exec env Urls="$BASE" "${storage[@]}" \
        Orleans__SiloPort="$(free_port)" Orleans__GatewayPort="$(free_port)" \
        Connector__Apps__bench=bench-key Connector__AdminPassword=bench-admin-pass \
        Ssh__User=openc3bench Ssh__KeyFile="$FARM_KEY" Ssh__Port="$PORT" Ssh__MaxParallel=256 \
        Logging__LogLevel__Default=Warning ${settings//+/ } \
        dotnet "$build/OpenC3.Api.dll"
    ) > "$W/run/product.log" 2>&1 &
    PRODUCT=$!
    PIDS+=($PRODUCT)
    for i in $(seq 300); do curl -sf "$BASE/readyz" >/dev/null && break; sleep 0.2; done
    echo "== round $r: $variant"
    measure "cold $HOSTS" python3 "$LOAD" "$BASE" fanout "$FARM_ADDRS" "$HOSTS" 1
    measure "warm 200" python3 "$LOAD" "$BASE" fanout "$FARM_ADDRS" 200 "$REPS"
    measure "warm $HOSTS" python3 "$LOAD" "$BASE" fanout "$FARM_ADDRS" "$HOSTS" "$REPS"
    measure "throughput" python3 "$LOAD" "$BASE" throughput "$FARM_ADDRS" "$TASKS" "$CLIENTS" "$POLL"
    kill "$PRODUCT"; wait "$PRODUCT" 2>/dev/null || true
    grep -m5 -i "fail\|error" "$W/run/product.log" | cut -c1-300 || true
  done
done
