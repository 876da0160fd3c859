#!/usr/bin/env bash
# The whole test suite against real servers: a throwaway MariaDB and an sshd host farm on loopback.
# Installs what is missing (apt: mariadb, openssh-server, chromium and chromium-driver, nodejs and npm; NuGet restore),
# starts the servers on free ports in a temp folder, runs `dotnet test` for every test project, stops
# what it started (by PID) and ends with the line "N passed, N failed, N skipped".
#   OPENC3_TEST_HOSTS   number of loopback SSH hosts (default 200: 127.0.0.2 ... 127.0.0.201)
#   OPENC3_TEST_FILTER  optional `dotnet test --filter` expression
#   OPENC3_BURST_TASKS  tasks of the duplicate-submission burst test (default 1000)
#   OPENC3_TEST_RESULTS optional folder that keeps one .trx per test project (per-test durations)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
W=$(mktemp -d /tmp/openc3-test.XXXXXX)
chmod 755 "$W"
PIDS=()
TEST_USER=openc3ci
RUN_USER=openc3run   # a second user the farm's login may become with `sudo -n -u` (steps with another `user`)

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
command -v openssl >/dev/null || need+=(openssl)               # docker/tls/make-cluster-certs.sh is run by a test
command -v sudo >/dev/null || need+=(sudo)               # steps whose `user` is not the SSH login
[ -x /usr/bin/chromium ] || need+=(chromium)            # the approval phone page is tested in a real browser
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
command -v node >/dev/null || need+=(nodejs)             # Api.csproj bundles the web terminal's page (Console/)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

. "$ROOT/bench/farm.sh"
# --- MariaDB: private datadir, free port, loopback only (bench/mariadb.sh) ----------------------------
. "$ROOT/bench/mariadb.sh"
log "starting MariaDB"
mariadb_start "$W" openc3test
export OPENC3_TEST_MYSQL=$MARIADB_CONNECTION

# --- sshd host farm: N loopback addresses (bench/farm.sh) ------------------------------------------
HOSTS=${OPENC3_TEST_HOSTS:-200}
SSHP=$(free_port)
log "starting sshd farm: $HOSTS hosts on port $SSHP"
farm_start "$W/farm" "$HOSTS" "$SSHP" "$TEST_USER"
id "$RUN_USER" >/dev/null 2>&1 || useradd -M -d /nonexistent -s /bin/sh "$RUN_USER"
printf '%s ALL=(%s) NOPASSWD: ALL\n' "$TEST_USER" "$RUN_USER" >/etc/sudoers.d/openc3-test && chmod 440 /etc/sudoers.d/openc3-test
export OPENC3_TEST_SUDO_USER=$RUN_USER
export OPENC3_TEST_CHROMIUM=/usr/bin/chromium OPENC3_TEST_CHROMEDRIVER=/usr/bin/chromedriver
export OPENC3_TEST_SSH_PORT=$SSHP OPENC3_TEST_SSH_USER=$TEST_USER OPENC3_TEST_SSH_KEY=$FARM_KEY OPENC3_TEST_SSH_HOSTS=$FARM_ADDRS

# --- build and test ------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building"
dotnet build "$ROOT/OpenC3.Orleans.sln" -c Debug -nologo -clp:ErrorsOnly
args=(test "$ROOT/OpenC3.Orleans.sln" -c Debug --no-build --nologo)
[ -n "${OPENC3_TEST_FILTER:-}" ] && args+=(--filter "$OPENC3_TEST_FILTER")
[ -n "${OPENC3_TEST_RESULTS:-}" ] && args+=(--logger trx --results-directory "$OPENC3_TEST_RESULTS")
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
