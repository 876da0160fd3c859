#!/usr/bin/env bash
# The benchmark of issue 14 in one command: OpenC3.Orleans (Release build, embedded profile on SQLite, and on a
# throwaway MariaDB where a scenario asks for both) beside pdsh, pdcp, Ansible and `xargs -P 50 ssh` over
# ControlMaster, in the same run, on the same sshd farm (same user, key and sshd; `SetEnv SHLVL=1`).
#   1  cmd `true` on N hosts, cold (fresh product) and warm, vs pdsh -f 64 (default kex and curve25519) and ansible -f 50
#   2  job cmd + scp of a 1 MB file-server file + cmd on N hosts, cold, vs pdsh + pdcp + pdsh and an ansible playbook
#   3  1,000 single-host tasks from 50 clients (bench/Client) on SQLite and MariaDB, vs xargs -P 50 ssh over ControlMaster
#   4  API reads over 10k seeded tasks on 100 nodes and 1k jobs (bench/Client seed + reads), on both profiles
#   5  RSS of the product: idle 60 s after start, with N pooled connections, and with those plus 10k finished tasks
# Writes bench/results/<date>-<machine>.json and prints the table (bench/report.py).
#   bench/run.sh [--quick]      root, Debian; installs what is missing (apt: pdsh, ansible, time, mariadb, openssh-server)
#   BENCH_NOTE="..."            free text stored with the results (e.g. what else ran on the machine)
set -euo pipefail
QUICK=0
[ "${1:-}" = --quick ] && QUICK=1
cd "$(dirname "$0")/.."
ROOT=$PWD
W=$(mktemp -d /tmp/openc3-bench.XXXXXX)
chmod 755 "$W"
PIDS=()
RAW=$W/raw.jsonl
USER_NAME=openc3bench
cleanup() {
  local rc=$?
  stop_masters
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$rc" = 0 ]; then rm -rf "$W"; else echo "bench failed (exit $rc); product logs and raw results kept in $W" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
. "$ROOT/bench/farm.sh"
. "$ROOT/bench/mariadb.sh"

# --- sizes ----------------------------------------------------------------------------------------
if [ $QUICK = 1 ]; then
  S1_N=(10 100); S1_COLD=1; S1_WARM=2; TOOL_REPS=1; S2_N=(20); S2_REPS=1; S3_TASKS=200; S4_SECONDS=3
else
  S1_N=(10 100 500); S1_COLD=3; S1_WARM=3; TOOL_REPS=3; S2_N=(100 500); S2_REPS=3; S3_TASKS=1000; S4_SECONDS=10
fi
ansible_reps() { if [ "$1" -le 100 ]; then echo "$TOOL_REPS"; else echo 1; fi; }
FARM_N=${S1_N[-1]}
S3_HOSTS=50

# --- packages -------------------------------------------------------------------------------------
need=()
command -v pdsh >/dev/null && command -v pdcp >/dev/null || need+=(pdsh)
command -v ansible >/dev/null && command -v ansible-playbook >/dev/null || need+=(ansible)
[ -x /usr/bin/time ] || need+=(time)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null || need+=(openssh-client)
command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null || need+=(mariadb-server-core)
command -v mariadb >/dev/null && command -v mariadb-admin >/dev/null || need+=(mariadb-client)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- build ----------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building the product and bench/Client (Release)"
dotnet build "$ROOT/Api/Api.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build "$ROOT/bench/Client/Client.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
PRODUCT_DLL=$ROOT/Api/bin/Release/net10.0/OpenC3.Api.dll
CLIENT_DLL=$ROOT/bench/Client/bin/Release/net10.0/OpenC3.Bench.dll
[ $QUICK = 1 ] && log "QUICK run: smaller N and fewer repetitions than the issue asks (see bench/README.md)"

# --- farm, tool configuration, MariaDB ------------------------------------------------------------
SSHP=$(free_port)
log "starting sshd farm: $FARM_N hosts on port $SSHP"
farm_start "$W/farm" "$FARM_N" "$SSHP" "$USER_NAME"
IFS=, read -r -a HOSTS <<<"$FARM_ADDRS"
cat >"$W/ssh_config" <<EOF
Host *
  User $USER_NAME
  Port $SSHP
  IdentityFile $FARM_KEY
  IdentitiesOnly yes
  StrictHostKeyChecking no
  UserKnownHostsFile /dev/null
  GlobalKnownHostsFile /dev/null
  CheckHostIP no
  BatchMode yes
  LogLevel ERROR
  ConnectTimeout 60
EOF
mkdir -p "$W/ansible/home" "$W/ansible/tmp" "$W/ansible/cp" "$W/cm"
cat >"$W/ansible/ansible.cfg" <<EOF
[defaults]
host_key_checking = False
interpreter_python = auto_silent
local_tmp = $W/ansible/tmp
[ssh_connection]
ssh_args = -F $W/ssh_config -C -o ControlMaster=auto -o ControlPersist=60s
control_path_dir = $W/ansible/cp
pipelining = True
EOF
export ANSIBLE_CONFIG=$W/ansible/ansible.cfg ANSIBLE_HOME=$W/ansible/home
hosts_file() { printf '%s\n' "${HOSTS[@]:0:$1}" >"$W/hosts-$1"; { echo "[farm]"; cat "$W/hosts-$1"; } >"$W/inventory-$1"; }
csv() { local IFS=,; echo "${HOSTS[*]:0:$1}"; }
head -c 1048576 /dev/urandom >"$W/payload-1m.bin"
chmod 644 "$W/payload-1m.bin"
cat >"$W/playbook.yml" <<EOF
- hosts: all
  gather_facts: false
  tasks:
    - command: "true"
    - copy: {src: "$W/payload-1m.bin", dest: "$W/dest-ansible/"}
    - command: "true"
EOF
for d in dest-ours dest-pdcp dest-ansible; do mkdir -p "$W/$d" && chmod 777 "$W/$d"; done

log "starting MariaDB"
mariadb_start "$W" openc3bench

# --- measuring ------------------------------------------------------------------------------------
# One JSON object per measurement; the arguments after the first six are JSON members ("key":value).
rec() {
  local scenario=$1 tool=$2 n=$3 wall=$4 cpu=$5 failed=$6 extra="" member
  shift 6
  for member in "$@"; do extra+=",$member"; done
  printf '{"scenario":%s,"tool":"%s","n":%s,"wall_s":%s,"cpu_s":%s,"hosts_failed":%s%s}\n' \
    "$scenario" "$tool" "$n" "$wall" "$cpu" "$failed" "$extra" >>"$RAW"
}
decimal() { printf '%.2f' "$(echo "scale=4; $1" | bc)"; }   # bc writes .5 for 0.5, which JSON refuses
cpu_of() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
rss_mb() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
json_field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }

# timed OUT ERR CMD...: runs CMD under /usr/bin/time; sets T_WALL and T_CPU (user + system of CMD and its waited-for children).
timed() {
  local out=$1 err=$2
  shift 2
  /usr/bin/time -f '%e %U %S' -o "$W/time" "$@" >"$out" 2>"$err" || true
  read -r T_WALL u s < <(tail -1 "$W/time")
  T_CPU=$(decimal "$u + $s")
}

# Hosts named in pdsh's / pdcp's own error lines (`pdsh@vm: 127.0.0.5: ssh exited with exit code 255`).
pdsh_failed() { grep -ohE '^(pdsh|pdcp)@[^:]+: [0-9.]+:' "$@" | awk '{ print $2 }' | sort -u | wc -l; }

PRODUCT_PID=
BASE=
# product_start NAME sqlite|mysql: a fresh product (own folder, new SQLite file or new MariaDB database).
product_start() {
  local name=$1 profile=$2 dir=$W/product-$1 port conn provider=sqlite i
  mkdir -p "$dir"
  conn="Data Source=$dir/openc3.db"
  if [ "$profile" = mysql ]; then
    mariadb --no-defaults -S "$W/db.sock" -uroot -e "CREATE DATABASE bench_${name//-/_} CHARACTER SET utf8mb4"
    conn="$MARIADB_CONNECTION;Database=bench_${name//-/_}"
    provider=mysql
  fi
  PRODUCT_DB=$conn
  port=$(free_port)
  BASE=http://127.0.0.1:$port
  (
    cd "$dir"
    exec env Urls="$BASE" Storage__Provider=$provider Storage__ConnectionString="$conn" \
      Orleans__SiloPort="$(free_port)" Orleans__GatewayPort="$(free_port)" \
      Connector__Apps__bench=bench-key Connector__AdminPassword=bench-admin-pass \
      Ssh__User=$USER_NAME Ssh__KeyFile="$FARM_KEY" Ssh__Port="$SSHP" \
      Logging__LogLevel__Default=Warning dotnet "$PRODUCT_DLL"
  ) >"$dir/product.log" 2>&1 &
  PRODUCT_PID=$!
  PRODUCT_STARTED=$(date +%s)
  PIDS+=("$PRODUCT_PID")
  for (( i = 0; i < 600; i++ )); do curl -sf "$BASE/readyz" >/dev/null && return 0; sleep 0.1; done
  cat "$dir/product.log" >&2
  echo "product $name did not become ready" >&2
  return 1
}
product_stop() { kill "$PRODUCT_PID" 2>/dev/null || true; wait "$PRODUCT_PID" 2>/dev/null || true; }
client() { dotnet "$CLIENT_DLL" "$1" --base "$BASE" --user "$USER_NAME" "${@:2}"; }

# Runs the client command under the product's CPU account; sets C_OUT (its JSON) and C_CPU (product CPU seconds).
measured_client() {
  local before
  before=$(cpu_of "$PRODUCT_PID")
  C_OUT=$(client "$@")
  C_CPU=$(decimal "$(cpu_of "$PRODUCT_PID") - $before")
}

MASTERS=()
stop_masters() {
  local h
  for h in "${MASTERS[@]}"; do ssh -F "$W/ssh_config" -o ControlPath="$W/cm/%C" -O exit "$h" 2>/dev/null || true; done
  MASTERS=()
  local sock
  for sock in "$W"/ansible/cp/*; do
    [ -S "$sock" ] && ssh -F "$W/ssh_config" -o ControlPath="$sock" -O exit stop 2>/dev/null || true
  done
}

# --- scenario 1 and 5 (idle): the tools, while an idle product waits for its 60 s mark ---------------
log "scenario 5: idle product started"
product_start idle sqlite
IDLE_PID=$PRODUCT_PID
IDLE_STARTED=$PRODUCT_STARTED
# Sampled at its 60 s mark while the tools run (at 500 hosts they take minutes); read again when they are done.
( d=$(( IDLE_STARTED + 60 - $(date +%s) )); sleep $(( d > 0 ? d : 0 )); echo "$(rss_mb "$IDLE_PID") $(hwm_mb "$IDLE_PID")" >"$W/idle-60s" ) &
IDLE_SAMPLER=$!
for n in "${S1_N[@]}"; do
  hosts_file "$n"
  for (( r = 1; r <= TOOL_REPS; r++ )); do
    for kex in default curve25519; do
      log "scenario 1: pdsh ($kex kex) on $n hosts, run $r"
      args="-F $W/ssh_config"
      [ $kex = curve25519 ] && args+=" -o KexAlgorithms=curve25519-sha256"
      export PDSH_SSH_ARGS_APPEND=$args
      timed "$W/out" "$W/err" pdsh -R ssh -f 64 -l "$USER_NAME" -w "^$W/hosts-$n" true
      unset PDSH_SSH_ARGS_APPEND
      rec 1 "pdsh -f 64 ($kex kex)" "$n" "$T_WALL" "$T_CPU" "$(pdsh_failed "$W/err")" '"phase":"cold"'
    done
  done
  for (( r = 1; r <= $(ansible_reps "$n"); r++ )); do
    log "scenario 1: ansible -m command on $n hosts, run $r"
    timed "$W/out" "$W/err" ansible all -i "$W/inventory-$n" -m command -a true -f 50
    stop_masters
    ok=$(grep -cE ' \| (CHANGED|SUCCESS) ' "$W/out" || true)
    rec 1 "ansible -f 50 (pipelining)" "$n" "$T_WALL" "$T_CPU" $(( n - ok )) '"phase":"cold"'
  done
done
wait "$IDLE_SAMPLER"
read -r IDLE_RSS IDLE_HWM <"$W/idle-60s"
rec 5 "openc3 idle 60 s after start" 0 0 0 0 "\"rss_mb\":$IDLE_RSS" "\"hwm_mb\":$IDLE_HWM" "\"after_s\":60" \
  "\"rss_mb_later\":$(rss_mb "$IDLE_PID")" "\"later_after_s\":$(( $(date +%s) - IDLE_STARTED ))"
product_stop

# --- scenario 1: the product, cold (fresh product per run) and warm (pooled connections) -------------
for n in "${S1_N[@]}"; do
  for (( r = 1; r <= S1_COLD; r++ )); do
    product_start "s1-$n-$r" sqlite
    log "scenario 1: openc3 cold on $n hosts, run $r"
    measured_client task --hosts "$(csv "$n")"
    rec 1 "openc3" "$n" "$(json_field wall_s <<<"$C_OUT")" "$C_CPU" "$(json_field hosts_failed <<<"$C_OUT")" '"phase":"cold"'
    [ "$r" = "$S1_COLD" ] || product_stop
  done
  for (( r = 1; r <= S1_WARM; r++ )); do
    log "scenario 1: openc3 warm on $n hosts, run $r"
    measured_client task --hosts "$(csv "$n")"
    rec 1 "openc3" "$n" "$(json_field wall_s <<<"$C_OUT")" "$C_CPU" "$(json_field hosts_failed <<<"$C_OUT")" '"phase":"warm"'
  done
  [ "$n" = "$FARM_N" ] || product_stop
done

# --- scenarios 4 and 5 on SQLite: the product that holds FARM_N pooled connections ------------------
rec 5 "openc3 with $FARM_N pooled connections" "$FARM_N" 0 0 0 "\"rss_mb\":$(rss_mb "$PRODUCT_PID")" "\"hwm_mb\":$(hwm_mb "$PRODUCT_PID")"
scenario4() {
  local profile=$1 provider=sqlite reading
  [ "$profile" = mysql ] && provider=mysql
  log "scenario 4 ($profile): seeding 10k tasks over 100 nodes and 1k jobs"
  seed=$(dotnet "$CLIENT_DLL" seed --provider $provider --db "$PRODUCT_DB" --tasks 10000 --jobs 1000 --nodes 100)
  log "scenario 4 ($profile): reads, ${S4_SECONDS} s each"
  measured_client reads --seconds "$S4_SECONDS" --clients 8 --tasks 10000 --nodes 100
  while read -r reading; do
    rec 4 "openc3 $profile" 10000 0 0 0 "\"reading\":$reading" "\"seed\":$seed" "\"product_cpu_s\":$C_CPU"
  done < <(python3 -c 'import json,sys; [print(json.dumps(r)) for r in json.loads(sys.stdin.read())]' <<<"$C_OUT")
}
scenario4 sqlite
rec 5 "openc3 with $FARM_N pooled connections and 10k finished tasks (after scenario 4)" "$FARM_N" 0 0 0 "\"rss_mb\":$(rss_mb "$PRODUCT_PID")" "\"hwm_mb\":$(hwm_mb "$PRODUCT_PID")"
product_stop

# --- scenario 2: cmd, 1 MB copy, cmd; cold on both sides -------------------------------------------
for n in "${S2_N[@]}"; do
  hosts_file "$n"
  for (( r = 1; r <= S2_REPS; r++ )); do
    log "scenario 2: pdsh + pdcp + pdsh on $n hosts, run $r"
    export PDSH_SSH_ARGS_APPEND="-F $W/ssh_config"
    timed "$W/out" "$W/err" bash -c 'pdsh -R ssh -f 64 -l "$1" -w "^$2" true; pdcp -R ssh -f 64 -l "$1" -w "^$2" "$3" "$4/"; pdsh -R ssh -f 64 -l "$1" -w "^$2" true' \
      sh "$USER_NAME" "$W/hosts-$n" "$W/payload-1m.bin" "$W/dest-pdcp"
    unset PDSH_SSH_ARGS_APPEND
    rec 2 "pdsh + pdcp + pdsh (default kex)" "$n" "$T_WALL" "$T_CPU" "$(pdsh_failed "$W/err")" '"phase":"cold"'

    log "scenario 2: openc3 job on $n hosts, run $r"
    product_start "s2-$n-$r" sqlite
    job=$(client make-job --hosts "$(csv "$n")" --file "$W/payload-1m.bin" --dir "$W/dest-ours" --name "bench-3-steps" | json_field job_uuid)
    measured_client task --job "$job" --hosts "$(csv "$n")"
    rec 2 "openc3" "$n" "$(json_field wall_s <<<"$C_OUT")" "$C_CPU" "$(json_field hosts_failed <<<"$C_OUT")" '"phase":"cold"'
    product_stop
  done
  for (( r = 1; r <= $(ansible_reps "$n"); r++ )); do
    log "scenario 2: ansible-playbook (command, copy, command) on $n hosts, run $r"
    timed "$W/out" "$W/err" ansible-playbook -i "$W/inventory-$n" -f 50 "$W/playbook.yml"
    stop_masters
    ok=$(grep -cE ' : ok=3 .* unreachable=0 +failed=0 ' "$W/out" || true)
    rec 2 "ansible-playbook -f 50 (pipelining)" "$n" "$T_WALL" "$T_CPU" $(( n - ok )) '"phase":"cold"'
  done
done

# --- scenario 3: single-host tasks; and the ControlMaster baseline ----------------------------------
hosts_file "$S3_HOSTS"
for profile in sqlite mysql; do
  product_start "s3-$profile" "$profile"
  client task --hosts "$(csv $S3_HOSTS)" >/dev/null   # connections to the 50 hosts, as the baseline's masters
  log "scenario 3 ($profile): $S3_TASKS single-host tasks from 50 clients"
  measured_client tasks --count "$S3_TASKS" --clients 50 --hosts "$(csv $S3_HOSTS)"
  rec 3 "openc3 $profile" "$S3_TASKS" "$(json_field wall_s <<<"$C_OUT")" "$C_CPU" "$(json_field failed <<<"$C_OUT")" "\"result\":$C_OUT"
  if [ "$profile" = mysql ]; then
    scenario4 mysql
  fi
  product_stop
done

log "scenario 3: xargs -P 50 ssh over ControlMaster, the product's remote command line $S3_TASKS times"
remote=$(client remote-command)
command_line=$(json_field command <<<"$remote")
json_field stdin <<<"$remote" >"$W/remote-stdin"
for h in "${HOSTS[@]:0:$S3_HOSTS}"; do
  ssh -F "$W/ssh_config" -o ControlMaster=yes -o ControlPersist=yes -o ControlPath="$W/cm/%C" -n "$h" true
  MASTERS+=("$h")
done
for (( i = 0; i < S3_TASKS; i++ )); do echo "${HOSTS[i % S3_HOSTS]}"; done >"$W/s3-list"
timed "$W/out" "$W/err" xargs -a "$W/s3-list" -P 50 -I{} sh -c \
  'ssh -F "$1" -o ControlPath="$2" -T "$3" "$4" <"$5" >/dev/null || echo "failed: $3" >&2' \
  sh "$W/ssh_config" "$W/cm/%C" {} "$command_line" "$W/remote-stdin"
failed=$(grep -c '^failed: ' "$W/err" || true)
rec 3 "xargs -P 50 ssh (ControlMaster)" "$S3_TASKS" "$T_WALL" "$T_CPU" "$failed" \
  "\"result\":{\"tasks_per_s\":$(decimal "$S3_TASKS / $T_WALL")}"
stop_masters

# --- results --------------------------------------------------------------------------------------
mkdir -p "$ROOT/bench/results"
out=$ROOT/bench/results/$(date -u +%Y-%m-%d)-$(hostname -s).json
if [ $QUICK = 1 ]; then out=${out%.json}-quick.json; fi
python3 "$ROOT/bench/report.py" "$RAW" "$out" --quick "$QUICK" --note "${BENCH_NOTE:-}"
log "results: $out"
