#!/usr/bin/env bash
# Counts the AWS calls of `smsauth reconcile --dry-run` over existing resources of every kind, against the local
# emulator, and fails when a count differs from the documented minimum (docs/api-calls.md).
#
#   benchmarks/plan_api_calls.sh [--bin PATH] [--count N] [--regions R] [--s3-state] [--keep]
#
#   --bin PATH    the smsauth binary (default: the deployable one, built by scripts/build-release)
#   --count N     manifests to generate (default 500), spread over R regions
#   --regions R   regions (default 3: us-east-1, us-west-2, eu-west-1; at most 5)
#   --s3-state    keep the state on S3 (a fresh bucket in the emulator) instead of a local status folder
#   --keep        keep the work folder (manifests, status files, smsauth output; its path is printed)
#
# Starts its own emulator (scripts/lib.sh), creates a fresh principal, writes the manifests
# (benchmarks/plan_api_calls.py), applies them once, then runs `smsauth reconcile --dry-run` and compares its call
# log with the documentation, per operation. Also checks the writes of the apply against the documented create
# calls, and prints the dry run's wall time and peak RSS (/usr/bin/time -v, else Python's os.wait4).
# Exits non-zero when a command fails or a count differs.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=""
COUNT=500
REGIONS=3
KEEP=0
EXTRA=()

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bin) BIN=${2:?--bin needs a path}; shift 2 ;;
    --count) COUNT=${2:?--count needs a number}; shift 2 ;;
    --regions) REGIONS=${2:?--regions needs a number}; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --s3-state) EXTRA+=(--s3-state); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "plan_api_calls.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$COUNT$REGIONS" in *[!0-9]*) echo "plan_api_calls.sh: --count and --regions take positive integers" >&2; exit 2 ;; esac

if [ -z "$BIN" ]; then
  echo "==> building smsauth (scripts/build-release)" >&2
  BIN="$("$ROOT/scripts/build-release")"
fi
[ -x "$BIN" ] || { echo "plan_api_calls.sh: no smsauth binary at $BIN" >&2; exit 1; }

# shellcheck source=../scripts/lib.sh
source "$ROOT/scripts/lib.sh"
ensure_emulator_python
WORK=$(mktemp -d "${TMPDIR:-/tmp}/smsauth-apibench.XXXXXX")
cleanup() {
  stop_emulator
  if [ "$KEEP" -eq 0 ]; then rm -rf "$WORK"; else echo "kept: $WORK" >&2; fi
}
trap cleanup EXIT
EMULATOR_LOG="$WORK/emulator.log" start_emulator

START=$(date +%s)
status=0
python3 "$HERE/plan_api_calls.py" --url "$SMSAUTH_EMULATOR_URL" --bin "$BIN" --work "$WORK" \
  --count "$COUNT" --regions "$REGIONS" "${EXTRA[@]}" || status=$?
printf '\nbinary: %s\ntotal time of the benchmark (apply + dry run): %s s\n' "$BIN" "$(( $(date +%s) - START ))"
exit "$status"
