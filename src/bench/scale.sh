#!/usr/bin/env bash
# Benchmark of evaluate + publish at scale, without AWS: writes a synthetic saved inventory of A accounts x R regions
# x F functions (io.lambdaguardrails.bench.SyntheticInventory), then runs the packaged CLI's `evaluate` on it with the
# reports written to a local folder, and prints wall time, CPU, peak RSS and heap, GC and JIT time, the findings and
# the size of each report. Writes every number to target/scale/results.json. Not part of the test suite.
#
#   bash src/bench/scale.sh [--accounts 500] [--regions 2] [--functions 50] [--skip-build] [--jvm-options "…"] [--jfr]
#
# --jvm-options: the scanner's JVM options (default: the CLI launcher's; "" for the JVM's own defaults). --jfr also records a JFR profile (target/scale/evaluate.jfr) and prints the methods most often on CPU.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/build/env.sh
source src/bench/common.sh

ACCOUNTS=500 REGION_COUNT=2 FUNCTIONS=50 BUILD=1 JVM_OPTIONS=$(launcher_java_opts evaluate) JFR=0
while [ $# -gt 0 ]; do
  case "$1" in
    --accounts) ACCOUNTS=$2; shift 2 ;;
    --regions) REGION_COUNT=$2; shift 2 ;;
    --functions) FUNCTIONS=$2; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    --jvm-options) JVM_OPTIONS=$2; shift 2 ;;
    --jfr) JFR=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
REGIONS=$(IFS=,; echo "${ALL_REGIONS[*]:0:$REGION_COUNT}")
OUT=target/scale
prepare "$OUT" "$BUILD"

echo "writing a synthetic inventory of $ACCOUNTS accounts x $REGION_COUNT regions x $FUNCTIONS functions …"
java -cp "$CP" io.lambdaguardrails.bench.SyntheticInventory --accounts "$ACCOUNTS" --regions "$REGIONS" \
  --functions "$FUNCTIONS" --output "$OUT/inventory.json" > "$OUT/inventory.out"
cat "$OUT/inventory.out"

jvm=()
read -r -a jvm <<< "$JVM_OPTIONS"
[ "$JFR" = 1 ] && jvm+=(-XX:StartFlightRecording=filename="$OUT/evaluate.jfr",settings=profile)
echo "evaluate + publish to $OUT/reports (JVM options: ${JVM_OPTIONS:-JVM defaults}) …"
start=$(date +%s%3N)
rc=0
measured "$OUT/evaluate" "${jvm[@]}" -- evaluate --inventory "$OUT/inventory.json" --baseline none \
  --output "$OUT/reports" || rc=$?
end=$(date +%s%3N)
if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
  echo "error: evaluate exited $rc" >&2; tail -20 "$OUT/evaluate.err" >&2; exit 1
fi
python3 -c 'import json, sys; print(json.dumps({"wallMs": int(sys.argv[1]), "exitCode": int(sys.argv[2]), "jvmOptions": sys.argv[3]}))' \
  "$((end - start))" "$rc" "$JVM_OPTIONS" > "$OUT/evaluate.run.json"
python3 src/bench/scale_report.py "$OUT"
