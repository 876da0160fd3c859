#!/bin/sh
# Issues the cluster's mutual-TLS certificates (Orleans:Tls:*): a private CA and one certificate per member.
#   make-cluster-certs.sh CERT_DIR CA_DIR MEMBER...
#   CERT_DIR  ca.crt and <member>.crt / <member>.key: mounted read-only by silos and API hosts
#   CA_DIR    ca.key: stays here, no member holds it
#   OWNER     optional uid that gets the files (the image runs as 10001)
# Re-running keeps what exists and issues only missing members; delete both directories for a new CA.
set -eu
out=$1
ca=$2
shift 2
mkdir -p "$out" "$ca"
umask 077

if [ ! -f "$ca/ca.key" ] || [ ! -f "$out/ca.crt" ]; then
  rm -f "$out"/*.crt "$out"/*.key
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=openc3 cluster CA" -keyout "$ca/ca.key" -out "$out/ca.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi

for member in "$@"; do
  [ -f "$out/$member.crt" ] && continue
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:%s\n' \
    "$member" > "$ca/$member.ext"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$member" \
    -keyout "$out/$member.key" -out "$ca/$member.csr" 2>/dev/null
  openssl x509 -req -in "$ca/$member.csr" -CA "$out/ca.crt" -CAkey "$ca/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
    -days 825 -extfile "$ca/$member.ext" -out "$out/$member.crt" 2>/dev/null
  rm -f "$ca/$member.csr" "$ca/$member.ext"
done

chmod 644 "$out"/*.crt
chmod 600 "$out"/*.key
if [ -n "${OWNER:-}" ]; then
  chown "$OWNER" "$out"/*.crt "$out"/*.key
fi
