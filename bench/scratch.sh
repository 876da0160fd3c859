# Sourced by the single-purpose bench scripts after they set ROOT: a temp folder $W (named after $SCRATCH_NAME)
# and the PIDs they start in PIDS, all stopped and removed when the script exits.
W=$(mktemp -d "/tmp/openc3-${SCRATCH_NAME:-bench}.XXXXXX")
chmod 755 "$W"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$W"
}
trap cleanup EXIT
