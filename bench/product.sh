# Sourced by the single-purpose bench scripts after scratch.sh and farm.sh: starts the product (embedded profile,
# a fresh SQLite file in DIR, free loopback ports, warnings only) and waits until it answers /readyz.
#   product_start DIR DLL [NAME=VALUE ...]   → sets BASE (its URL) and PRODUCT (its PID, also appended to PIDS)
product_start() {
  local dir=$1 dll=$2 i
  shift 2
  mkdir -p "$dir"
  BASE=http://127.0.0.1:$(free_port)
  (
    cd "$dir"
    exec env Urls="$BASE" Storage__ConnectionString="Data Source=$dir/openc3.db" \
      Orleans__SiloPort="$(free_port)" Orleans__GatewayPort="$(free_port)" \
      Logging__LogLevel__Default=Warning "$@" dotnet "$dll"
  ) >"$dir/product.log" 2>&1 &
  PRODUCT=$!
  PIDS+=("$PRODUCT")
  for (( i = 0; i < 600; i++ )); do curl -sf "$BASE/readyz" >/dev/null && return 0; sleep 0.1; done
  cat "$dir/product.log" >&2
  echo "the product did not become ready" >&2
  return 1
}

