#!/usr/bin/env bash
# Times a no-op `smsauth reconcile --dry-run` over N SMS sign-in stacks against a boto3 script making the same reads
# with 8 threads, with a fixed latency on every AWS call, and measures smsauth's CPU per AWS call.
#
#   benchmarks/plan_latency.sh [--bin PATH] [--stacks N] [--latency-ms MS] [--runs R] [--threads T] [--keep]
#                              [-- EXTRA SMSAUTH ARGUMENTS FOR THE DRY RUN]
#
#   --bin PATH        the smsauth binary (default: the deployable one, built by scripts/build-release)
#   --stacks N        stacks of SmsRole + UserPool + AppClient + MfaPolicy (default 50 = 200 resources)
#   --latency-ms MS   latency the emulator adds to every AWS call (default 50, a real round trip)
#   --runs R          timed runs of each, alternating (default 5; the medians are compared)
#   --threads T       threads of the boto3 script (default 8)
#   --keep            keep the work folder (manifests, logs; its path is printed)
#
# Starts its own emulator (scripts/lib.sh), applies the stacks without latency, measures CPU ÷ calls of one dry run
# at 0 ms, then sets the latency and alternates the two timed commands (benchmarks/plan_latency.py,
# benchmarks/plan_latency_boto3.py). Prints every run, the medians and their ratio. Exits non-zero when a command
# fails or the dry run plans a change; missing a target only says MISSED.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=""
ARGS=()
KEEP=0

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bin)
      [ $# -ge 2 ] && [ -n "$2" ] || { echo "plan_latency.sh: --bin needs a path" >&2; exit 2; }
      BIN=$2; shift 2 ;;
    --latency-ms)
      case "${2:-x}" in *[!0-9]*|"") echo "plan_latency.sh: $1 takes a non-negative integer" >&2; exit 2 ;; esac
      ARGS+=("$1" "$2"); shift 2 ;;
    --stacks|--runs|--threads)
      case "${2:-x}" in *[!0-9]*|"") echo "plan_latency.sh: $1 takes a positive integer" >&2; exit 2 ;; esac
      [ "$((10#$2))" -ge 1 ] || { echo "plan_latency.sh: $1 takes a positive integer" >&2; exit 2; }
      ARGS+=("$1" "$2"); shift 2 ;;
    --keep) KEEP=1; shift ;;
    --) shift; for extra in "$@"; do ARGS+=("--smsauth-arg=$extra"); done; break ;;
    -h|--help) usage; exit 0 ;;
    *) echo "plan_latency.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -z "$BIN" ]; then
  echo "==> building smsauth (scripts/build-release)" >&2
  BIN="$("$ROOT/scripts/build-release")"
fi
[ -x "$BIN" ] || { echo "plan_latency.sh: no smsauth binary at $BIN" >&2; exit 1; }

# shellcheck source=../scripts/lib.sh
source "$ROOT/scripts/lib.sh"
ensure_emulator_python
WORK=$(mktemp -d "${TMPDIR:-/tmp}/smsauth-latency.XXXXXX")
cleanup() {
  stop_emulator
  if [ "$KEEP" -eq 0 ]; then rm -rf "$WORK"; else echo "kept: $WORK" >&2; fi
}
trap cleanup EXIT
EMULATOR_LOG="$WORK/emulator.log" start_emulator

"$EMULATOR_PYTHON" "$HERE/plan_latency.py" --url "$SMSAUTH_EMULATOR_URL" --bin "$BIN" --work "$WORK" "${ARGS[@]}"
printf '\nbinary: %s (%s bytes)\n' "$BIN" "$(stat -c %s "$BIN")"
