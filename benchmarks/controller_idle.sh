#!/usr/bin/env bash
# Benchmarks `smsauth controller` against the local emulator: idle CPU over a window with N resources, RSS, and the
# latency from a manifest change to the first AWS write.
#
#   benchmarks/controller_idle.sh [--bin PATH] [--pools N] [--idle SECONDS] [--debounce MS] [--samples N]
#
#   --bin PATH     the smsauth binary (default: the deployable one, built by scripts/build-release)
#   --pools N      user pools to manage; each gets one app client, so 2N resources (default 100 -> 200 resources)
#   --idle S       idle window measured after the initial sync (default 60)
#   --debounce MS  the controller's --debounce in milliseconds (default 500)
#   --samples N    manifest changes timed to their first AWS write; the median is reported (default 5)
#
# Targets (issue 6): idle CPU under 0.5% of one core, RSS under 50 MB, change-to-first-write under debounce + 100 ms.
# Starts its own emulator (scripts/lib.sh) on a free loopback port and stops it at the end. Missing a target is
# reported in the output (`MISSED`), not by the exit status; a controller that fails to sync exits non-zero.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=""
POOLS=100
IDLE=60
DEBOUNCE_MS=500
SAMPLES=5

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bin) BIN=${2:?--bin needs a path}; shift 2 ;;
    --pools) POOLS=${2:?--pools needs a number}; shift 2 ;;
    --idle) IDLE=${2:?--idle needs seconds}; shift 2 ;;
    --debounce) DEBOUNCE_MS=${2:?--debounce needs milliseconds}; shift 2 ;;
    --samples) SAMPLES=${2:?--samples needs a number}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "controller_idle.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -z "$BIN" ]; then
  BIN="$("$ROOT/scripts/build-release")"
fi

# shellcheck source=../scripts/lib.sh
source "$ROOT/scripts/lib.sh"
ensure_emulator_python
WORK=$(mktemp -d)
CONTROLLER_PID=
cleanup() {
  local status=$?
  if [ -n "$CONTROLLER_PID" ] && kill -0 "$CONTROLLER_PID" 2>/dev/null; then kill "$CONTROLLER_PID"; wait "$CONTROLLER_PID" 2>/dev/null || true; fi
  stop_emulator
  # The emulator's log lives in the work folder: its end is shown when the benchmark failed.
  if [ "$status" -ne 0 ] && [ -s "$WORK/emulator.log" ]; then
    echo "controller_idle.sh: the emulator's log ends with:" >&2
    tail -n 40 "$WORK/emulator.log" >&2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
EMULATOR_LOG="$WORK/emulator.log" start_emulator

python3 "$HERE/controller_idle.py" --bin "$BIN" --work "$WORK" --emulator "$SMSAUTH_EMULATOR_URL" \
  --pools "$POOLS" --idle "$IDLE" --debounce-ms "$DEBOUNCE_MS" --samples "$SAMPLES" --pid-file "$WORK/controller.pid" &
RUNNER=$!
for _ in $(seq 1 100); do [ -s "$WORK/controller.pid" ] && break; sleep 0.1; done
CONTROLLER_PID=$(cat "$WORK/controller.pid" 2>/dev/null || true)
wait "$RUNNER"
