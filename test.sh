#!/usr/bin/env bash
# The whole test suite against real servers: a throwaway MariaDB and an sshd host farm on loopback.
# Installs what is missing (apt: mariadb, openssh-server; NuGet restore), starts the servers on free
# ports in a temp folder, runs `dotnet test` for every test project, stops what it started (by PID)
# and ends with the line "N passed, N failed, N skipped".
#   OPENC3_TEST_HOSTS   number of loopback SSH hosts (default 40: 127.0.0.2 ...)
#   OPENC3_TEST_FILTER  optional `dotnet test --filter` expression
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
W=$(mktemp -d /tmp/openc3-test.XXXXXX)
chmod 755 "$W"
PIDS=()
TEST_USER=openc3ci

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$W"
}
trap cleanup EXIT

log() { printf '[test.sh %s] %s\n' "$(date +%T)" "$*"; }

# --- packages ------------------------------------------------------------------------------------
need=()
command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null || need+=(mariadb-server-core)
command -v mariadb >/dev/null && command -v mariadb-admin >/dev/null || need+=(mariadb-client)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

free_port() {
  local p
  while :; do
    p=$(( (RANDOM % 20000) + 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

wait_tcp() { # host port seconds
  local i
  for (( i = 0; i < $3 * 20; i++ )); do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.05
  done
  return 1
}

# --- MariaDB: private datadir, free port, loopback only ------------------------------------------
DBP=$(free_port)
log "starting MariaDB on 127.0.0.1:$DBP"
mariadb-install-db --no-defaults --datadir="$W/db" --auth-root-authentication-method=normal \
  --skip-test-db --skip-name-resolve --user=root >"$W/db-install.log" 2>&1
mariadbd --no-defaults --datadir="$W/db" --socket="$W/db.sock" --port="$DBP" --bind-address=127.0.0.1 \
  --user=root --skip-name-resolve --log-error="$W/db.err" --pid-file="$W/db.pid" \
  --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --max-connections=1000 &
PIDS+=($!)
for i in $(seq 300); do mariadb-admin --no-defaults -S "$W/db.sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
mariadb-admin --no-defaults -S "$W/db.sock" -uroot ping >/dev/null || { cat "$W/db.err"; echo "MariaDB did not start"; exit 1; }
DBPW=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
mariadb --no-defaults -S "$W/db.sock" -uroot -e \
  "CREATE USER 'openc3test'@'%' IDENTIFIED BY '$DBPW'; GRANT ALL ON *.* TO 'openc3test'@'%' WITH GRANT OPTION;"
export OPENC3_TEST_MYSQL="Server=127.0.0.1;Port=$DBP;User ID=openc3test;Password=$DBPW;Pooling=true"

# --- sshd host farm: N loopback addresses, 16 per sshd (its ListenAddress limit) -----------------
HOSTS=${OPENC3_TEST_HOSTS:-40}
SSHP=$(free_port)
log "starting sshd farm: $HOSTS hosts on port $SSHP"
# A fixed, rc-file-free home, so concurrent runs of this script never pull it from under each other.
TEST_HOME=/var/tmp/openc3ci-home
id "$TEST_USER" >/dev/null 2>&1 || useradd -M -d "$TEST_HOME" -s /bin/bash "$TEST_USER"
usermod -d "$TEST_HOME" -p '*' "$TEST_USER"   # '*' unlocks key login without a password (UsePAM no)
mkdir -p "$TEST_HOME" /run/sshd
chown "$TEST_USER": "$TEST_HOME"
ssh-keygen -q -t ed25519 -N '' -f "$W/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -f "$W/id_ed25519"
cp "$W/id_ed25519.pub" "$W/authorized_keys"
chmod 644 "$W/authorized_keys"
addrs=()
for (( i = 1; i <= HOSTS; i++ )); do addrs+=("127.0.$(( i / 254 )).$(( i % 254 + 1 ))"); done
for (( g = 0; g * 16 < HOSTS; g++ )); do
  conf="$W/sshd-$g.conf"
  {
    echo "Port $SSHP"
    for a in "${addrs[@]:g*16:16}"; do echo "ListenAddress $a"; done
    echo "HostKey $W/host_ed25519"
    echo "PidFile $W/sshd-$g.pid"
    echo "AuthorizedKeysFile $W/authorized_keys"
    echo "PasswordAuthentication no"
    echo "KbdInteractiveAuthentication no"
    echo "PermitRootLogin prohibit-password"
    echo "StrictModes no"
    echo "UsePAM no"
    echo "UseDNS no"
    echo "MaxStartups 1000:30:2000"
    echo "MaxSessions 1000"
    echo "LogLevel ERROR"
    echo "SetEnv SHLVL=1"
    echo "Subsystem sftp internal-sftp"
  } >"$conf"
  /usr/sbin/sshd -D -e -f "$conf" 2>"$W/sshd-$g.log" &
  PIDS+=($!)
done
for a in "${addrs[@]}"; do wait_tcp "$a" "$SSHP" 10 || { cat "$W"/sshd-*.log; echo "sshd not listening on $a"; exit 1; }; done
export OPENC3_TEST_SSH_PORT=$SSHP OPENC3_TEST_SSH_USER=$TEST_USER OPENC3_TEST_SSH_KEY=$W/id_ed25519
OPENC3_TEST_SSH_HOSTS=$(IFS=,; echo "${addrs[*]}")
export OPENC3_TEST_SSH_HOSTS

# --- build and test ------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building"
dotnet build "$ROOT/OpenC3.Orleans.sln" -c Debug -nologo -clp:ErrorsOnly
args=(test "$ROOT/OpenC3.Orleans.sln" -c Debug --no-build --nologo)
[ -n "${OPENC3_TEST_FILTER:-}" ] && args+=(--filter "$OPENC3_TEST_FILTER")
log "testing"
set +e
dotnet "${args[@]}" 2>&1 | tee "$W/test.log"
rc=${PIPESTATUS[0]}
set -e
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$W/test.log" | awk '{
  for (i = 1; i <= NF; i++) {
    v = $(i + 1); gsub(/,/, "", v)
    if ($i == "Passed:") p += v; if ($i == "Failed:") f += v; if ($i == "Skipped:") s += v
  }} END { print p + 0, f + 0, s + 0 }')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a build or host crash counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
