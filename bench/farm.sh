# Sourced by test.sh and bench/fanout.sh: an sshd "host farm" of N loopback addresses (127.0.0.2 …),
# 16 per sshd process (its ListenAddress limit), one generated host key and client key, a login user
# without rc files. Appends every sshd PID to the caller's PIDS array; only loopback is used.
#   farm_start DIR N PORT USER   → exports FARM_ADDRS (CSV), FARM_KEY (client key file)
farm_start() {
  local dir=$1 count=$2 port=$3 user=$4 home=/var/tmp/$4-home i g a conf
  mkdir -p "$dir" /run/sshd
  # A fixed, rc-file-free home, so concurrent runs never pull it from under each other.
  id "$user" >/dev/null 2>&1 || useradd -M -d "$home" -s /bin/bash "$user"
  usermod -d "$home" -p '*' "$user"   # '*' unlocks key login without a password (UsePAM no)
  mkdir -p "$home" && chown "$user": "$home"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/id_ed25519"
  cp "$dir/id_ed25519.pub" "$dir/authorized_keys" && chmod 644 "$dir/authorized_keys"
  local addrs=()
  for (( i = 1; i <= count; i++ )); do addrs+=("127.0.$(( i / 254 )).$(( i % 254 + 1 ))"); done
  for (( g = 0; g * 16 < count; g++ )); do
    conf="$dir/sshd-$g.conf"
    {
      echo "Port $port"
      for a in "${addrs[@]:g*16:16}"; do echo "ListenAddress $a"; done
      echo "HostKey $dir/host_ed25519"
      echo "PidFile $dir/sshd-$g.pid"
      echo "AuthorizedKeysFile $dir/authorized_keys"
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
    /usr/sbin/sshd -D -e -f "$conf" 2>"$dir/sshd-$g.log" &
    PIDS+=($!)
  done
  for a in "${addrs[@]}"; do
    for (( i = 0; i < 200; i++ )); do (exec 3<>"/dev/tcp/$a/$port") 2>/dev/null && break; sleep 0.05; done
    (exec 3<>"/dev/tcp/$a/$port") 2>/dev/null || { cat "$dir"/sshd-*.log; echo "sshd not listening on $a" >&2; return 1; }
  done
  FARM_ADDRS=$(IFS=,; echo "${addrs[*]}")
  FARM_KEY=$dir/id_ed25519
  export FARM_ADDRS FARM_KEY
}

# A TCP port on 127.0.0.1 that nobody listens on right now: 10000-19999, below the ephemeral range (so outgoing
# connections never hold it) and apart from the 20000-31999 the test processes hand out (FreePort.cs), so a bench
# running beside the tests never takes a port a test product is about to bind.
free_port() {
  local p
  while :; do
    p=$(( (RANDOM % 10000) + 10000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
