#!/usr/bin/env bash
# Benchmarks `smsauth validate` on a generated folder of valid manifests of every kind and prints wall time and peak
# RSS against the targets (under 1 s, under 200 MB for 10,000 manifests).
#
#   benchmarks/validate.sh [--bin PATH] [--count N] [--runs R] [--seed S] [--keep]
#
#   --bin PATH   the smsauth binary (default: the deployable one, built by scripts/build-release)
#   --count N    manifest documents to generate (default 10000)
#   --runs R     timed runs of `smsauth validate` (default 3); the table shows each and the worst
#   --seed S     generator seed (default 1)
#   --keep       keep the generated folder (its path is printed)
#
# Peak RSS comes from /usr/bin/time -v when present (Debian package `time`; TIME_BIN overrides the path), else
# from the child's rusage via Python. Exits non-zero when generation or a validation run fails (smsauth exits
# non-zero or is killed); missing a target is reported in the table, not by the exit status.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BIN=""
COUNT=10000
RUNS=3
SEED=1
KEEP=0
WALL_TARGET_S=1
RSS_TARGET_MB=200
TIME_BIN=${TIME_BIN:-/usr/bin/time}

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bin) BIN=${2:?--bin needs a path}; shift 2 ;;
    --count) COUNT=${2:?--count needs a number}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --seed) SEED=${2:?--seed needs a number}; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "validate.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$COUNT$RUNS" in *[!0-9]*) echo "validate.sh: --count and --runs take positive integers" >&2; exit 2 ;; esac
[ "$RUNS" -ge 1 ] || { echo "validate.sh: --runs must be at least 1" >&2; exit 2; }

if [ -z "$BIN" ]; then
  BIN="$("$ROOT/scripts/build-release")"
fi
[ -x "$BIN" ] || { echo "validate.sh: no smsauth binary at $BIN" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/smsauth-bench.XXXXXX")
cleanup() { if [ "$KEEP" -eq 0 ]; then rm -rf "$WORK"; else echo "kept: $WORK/manifests" >&2; fi; }
trap cleanup EXIT
DIR="$WORK/manifests"

echo "==> generating $COUNT manifests (seed $SEED)" >&2
python3 "$HERE/generate_manifests.py" "$DIR" --count "$COUNT" --seed "$SEED" >&2
FILES=$(find "$DIR" -type f \( -name '*.yaml' -o -name '*.yml' \) | wc -l)

# Runs one validation; prints "<wall seconds> <peak RSS kB> <exit status>".
measure() {
  local out="$1" err="$2"
  if [ -x "$TIME_BIN" ]; then
    local report="$WORK/time.txt" start end status=0
    start=$(date +%s%N)
    "$TIME_BIN" -v -o "$report" "$BIN" validate "$DIR" >"$out" 2>"$err" || status=$?
    end=$(date +%s%N)
    local rss; rss=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$report")
    local signalled; signalled=$(grep -c 'Command terminated by signal' "$report" || true)
    [ "$signalled" -eq 0 ] || status=128
    awk -v s="$start" -v e="$end" -v r="${rss:-0}" -v c="$status" 'BEGIN { printf "%.3f %d %d\n", (e - s) / 1e9, r, c }'
  else
    python3 - "$BIN" "$DIR" "$out" "$err" <<'PY'
import os, subprocess, sys, time
binary, folder, out, err = sys.argv[1:5]
with open(out, "wb") as o, open(err, "wb") as e:
    start = time.perf_counter()
    child = subprocess.Popen([binary, "validate", folder], stdout=o, stderr=e)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
print(f"{wall:.3f} {usage.ru_maxrss} {code if code >= 0 else 128 - code}")
PY
  fi
}

echo "==> $RUNS run(s) of: $BIN validate $DIR" >&2
printf '\nsmsauth validate: %s manifests in %s files\nbinary: %s\nmeasured with: %s\n\n' \
  "$COUNT" "$FILES" "$BIN" "$([ -x "$TIME_BIN" ] && echo "$TIME_BIN -v" || echo 'python os.wait4 rusage')"
printf '%-5s %12s %16s %8s\n' run "wall (s)" "peak RSS (MB)" exit
WORST_WALL=0
WORST_RSS=0
FAILED=0
for run in $(seq 1 "$RUNS"); do
  read -r wall rss status < <(measure "$WORK/out-$run.txt" "$WORK/err-$run.txt")
  rss_mb=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
  printf '%-5s %12s %16s %8s\n' "$run" "$wall" "$rss_mb" "$status"
  WORST_WALL=$(awk -v a="$WORST_WALL" -v b="$wall" 'BEGIN { print (b > a) ? b : a }')
  WORST_RSS=$(awk -v a="$WORST_RSS" -v b="$rss_mb" 'BEGIN { print (b > a) ? b : a }')
  if [ "$status" -ne 0 ]; then
    FAILED=$run
    break
  fi
done

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t) ? "met" : "MISSED" }'; }
printf '\n%-16s %10s %10s %8s\n' "" worst target verdict
printf '%-16s %10s %10s %8s\n' "wall time" "${WORST_WALL} s" "< ${WALL_TARGET_S} s" "$(verdict "$WORST_WALL" "$WALL_TARGET_S")"
printf '%-16s %10s %10s %8s\n' "peak RSS" "${WORST_RSS} MB" "< ${RSS_TARGET_MB} MB" "$(verdict "$WORST_RSS" "$RSS_TARGET_MB")"

if [ "$FAILED" -ne 0 ]; then
  printf '\nFAILED: run %s of smsauth validate exited non-zero; last lines of its output:\n' "$FAILED"
  tail -n 20 "$WORK/out-$FAILED.txt" "$WORK/err-$FAILED.txt"
  exit 1
fi
if [ "$(verdict "$WORST_WALL" "$WALL_TARGET_S")" = MISSED ] || [ "$(verdict "$WORST_RSS" "$RSS_TARGET_MB")" = MISSED ]; then
  printf '\nTARGET MISSED (validation itself succeeded).\n'
else
  printf '\nAll targets met.\n'
fi
