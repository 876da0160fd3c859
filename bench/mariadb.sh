# Sourced by test.sh and bench/run.sh (after bench/farm.sh): a throwaway MariaDB in DIR on a free loopback port,
# with a password user that may create databases. Appends the server's PID to the caller's PIDS array.
# MARIADB_ARGS adds server options (e.g. --performance-schema=ON to profile statements).
#   mariadb_start DIR USER   → exports MARIADB_CONNECTION (MySqlConnector connection string, no database)
mariadb_start() {
  local dir=$1 user=$2 port password i
  port=$(free_port)
  mariadb-install-db --no-defaults --datadir="$dir/db" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve --user=root >"$dir/db-install.log" 2>&1
  mariadbd --no-defaults --datadir="$dir/db" --socket="$dir/db.sock" --port="$port" --bind-address=127.0.0.1 \
    --user=root --skip-name-resolve --log-error="$dir/db.err" --pid-file="$dir/db.pid" \
    --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --max-connections=1000 ${MARIADB_ARGS:-} &
  PIDS+=($!)
  for (( i = 0; i < 300; i++ )); do mariadb-admin --no-defaults -S "$dir/db.sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
  mariadb-admin --no-defaults -S "$dir/db.sock" -uroot ping >/dev/null || { cat "$dir/db.err"; echo "MariaDB did not start" >&2; return 1; }
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  mariadb --no-defaults -S "$dir/db.sock" -uroot -e \
    "CREATE USER '$user'@'%' IDENTIFIED BY '$password'; GRANT ALL ON *.* TO '$user'@'%' WITH GRANT OPTION;"
  MARIADB_CONNECTION="Server=127.0.0.1;Port=$port;User ID=$user;Password=$password;Pooling=true"
  export MARIADB_CONNECTION
}
