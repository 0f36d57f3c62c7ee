#!/usr/bin/env bash
# Benchmark of the packaged CLI against moto: seeds A accounts x R regions x F functions, then scans the organisation
# through a latency proxy (a model of AWS round trips) with the default concurrency, with one account at a time,
# and with no latency (moto's own floor), once per JVM option set; measures start-up with and without a JDK AOT
# cache. For every scan of the scanner process: wall time, CPU (user+sys) and CPU per API call, the CPU of its JIT
# compiler and GC threads, methods compiled (-XX:+CITime), GC pauses (-Xlog:gc), peak RSS and heap. Prints a summary and writes every number
# to target/bench/results.json. Not part of the test suite.
#
#   bash src/bench/bench.sh [--accounts 50] [--regions 2] [--functions 20] [--latency-ms 30] [--skip-build]
#                           [--skip-serial] [--skip-startup] [--jvm-options-sets "SET;SET…"] [--aot-cache]
#
# --jvm-options-sets: JVM option sets separated by ';', each scanned side by side (an empty set is the JVM's own
# defaults), e.g. ";-XX:TieredStopAtLevel=1;-XX:TieredStopAtLevel=1 -XX:+UseSerialGC". Default: the JVM's defaults
# and the CLI launcher's options for a scan. The one-account-at-a-time run and the start-up measures use the first set.
# --aot-cache: also scans with the first set plus a JDK 25 AOT cache, trained beforehand by one scan of the organisation.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/build/env.sh
source src/bench/common.sh

ACCOUNTS=50 REGION_COUNT=2 FUNCTIONS=20 LATENCY_MS=30 BUILD=1 SERIAL=1 STARTUP=1 AOT=0
JVM_OPTIONS_SETS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --accounts) ACCOUNTS=$2; shift 2 ;;
    --regions) REGION_COUNT=$2; shift 2 ;;
    --functions) FUNCTIONS=$2; shift 2 ;;
    --latency-ms) LATENCY_MS=$2; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    --skip-serial) SERIAL=0; shift ;;
    --skip-startup) STARTUP=0; shift ;;
    --jvm-options-sets) JVM_OPTIONS_SETS=$2; shift 2 ;;
    --aot-cache) AOT=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
REGIONS=$(IFS=,; echo "${ALL_REGIONS[*]:0:$REGION_COUNT}")
OUT=target/bench
prepare "$OUT" "$BUILD"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() {
  for _ in $(seq 1 150); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "error: nothing answers on $1" >&2; return 1
}

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# Without AWS-managed IAM policies: moto would load ~1,500 into every account it creates.
start_moto "$OUT/moto.log" MOTO_IAM_LOAD_MANAGED_POLICIES=false
PIDS+=($MOTO_PID)
MOTO=http://127.0.0.1:$MOTO_PORT

PROXY_PORT=$(free_port)
java -cp target/test-classes io.lambdaguardrails.testbed.FaultProxyMain --upstream "$MOTO" --port "$PROXY_PORT" \
  > "$OUT/proxy.log" 2>&1 &
PROXY_PID=$!
PIDS+=($PROXY_PID)
PROXY=http://127.0.0.1:$PROXY_PORT
wait_http "$PROXY/__fault-proxy/counts"

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL

echo "seeding $ACCOUNTS accounts x $REGION_COUNT regions x $FUNCTIONS functions into moto …"
java -cp "$CP" io.lambdaguardrails.bench.BenchSeeder --endpoint "$MOTO" --accounts "$ACCOUNTS" --regions "$REGIONS" \
  --functions "$FUNCTIONS" > "$OUT/seed.json" 2> "$OUT/seed.err" || { cat "$OUT/seed.err" >&2; exit 1; }
cat "$OUT/seed.json"

now_ms() { date +%s%3N; }
# CPU milliseconds a process has used so far (user + system).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

# The JVM option sets, side by side; by default the JVM's own defaults and the options the CLI launcher adds.
if [ -z "$JVM_OPTIONS_SETS" ]; then
  JVM_OPTIONS_SETS=";$(launcher_java_opts scan)"
fi
IFS=';' read -r -a JVM_SETS <<< "$JVM_OPTIONS_SETS"
[ "${#JVM_SETS[@]}" -gt 0 ] || JVM_SETS=("")
# "a;" reads as one set: keep a trailing empty set.
[ "${JVM_OPTIONS_SETS: -1}" = ";" ] && JVM_SETS+=("")
read -r -a FIRST_SET <<< "${JVM_SETS[0]}"

# train_aot: writes a JDK AOT cache ($OUT/app.aot) from one scan of the organisation with the first set (JDK 25:
# -XX:AOTCacheOutput records and writes it in one run); fails on a JDK that cannot.
train_aot() {
  [ -f "$OUT/app.aot" ] && return 0
  curl -fs -X POST "$PROXY/__fault-proxy/latency?ms=0"
  java "${FIRST_SET[@]}" -XX:AOTCacheOutput="$OUT/app.aot" -jar "$JAR" scan --org --regions "$REGIONS" \
    --region us-east-1 --endpoint-url "$PROXY" --output "$OUT/aot-training-reports" > "$OUT/aot-training.log" 2>&1 \
    && [ -f "$OUT/app.aot" ]
}
if [ "$AOT" = 1 ]; then
  echo "training an AOT cache on one scan of the organisation …"
  train_aot || { echo "error: this JDK cannot write an AOT cache (needs JDK 25); see $OUT/aot-training.log" >&2; exit 1; }
  JVM_SETS+=("${JVM_SETS[0]:+${JVM_SETS[0]} }-XX:AOTCache=$OUT/app.aot")
fi

# run NAME LATENCY_MS SET [CLI options…]: one scan of the organisation through the proxy with JVM option set SET
# (an index into JVM_SETS), measured as common.sh says.
run() {
  local name=$1 latency=$2 set=$3; shift 3
  local jvm=()
  read -r -a jvm <<< "${JVM_SETS[$set]}"
  curl -fs -X POST "$PROXY/__fault-proxy/latency?ms=$latency"
  curl -fs -X POST "$PROXY/__fault-proxy/reset"
  echo "scan: $name (latency ${latency} ms, JVM options: ${JVM_SETS[$set]:-JVM defaults}${*:+, $*})"
  local start end rc=0 moto_cpu proxy_cpu
  moto_cpu=$(cpu_ms "$MOTO_PID"); proxy_cpu=$(cpu_ms "$PROXY_PID")
  start=$(now_ms)
  measured "$OUT/$name" "${jvm[@]}" -- scan --org --regions "$REGIONS" --region us-east-1 --endpoint-url "$PROXY" \
    --output "$OUT/$name-reports" "$@" || rc=$?
  end=$(now_ms)
  moto_cpu=$(( $(cpu_ms "$MOTO_PID") - moto_cpu )); proxy_cpu=$(( $(cpu_ms "$PROXY_PID") - proxy_cpu ))
  curl -fs "$PROXY/__fault-proxy/counts" > "$OUT/$name.counts.json"
  python3 -c 'import json, sys; print(json.dumps(dict(zip(
      ["name", "latencyMs", "jvmOptions", "startMs", "endMs", "exitCode", "motoCpuMs", "proxyCpuMs"],
      [sys.argv[1], int(sys.argv[2]), sys.argv[3]] + [int(v) for v in sys.argv[4:]]))))' \
    "$name" "$latency" "${JVM_SETS[$set]}" "$start" "$end" "$rc" "$moto_cpu" "$proxy_cpu" > "$OUT/$name.run.json"
  if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
    echo "error: scan $name exited $rc" >&2; tail -20 "$OUT/$name.err" >&2; exit 1
  fi
}

# Runs are named floor, parallel, serial; with several option sets floor-2, parallel-2 … for the second and on.
for set in "${!JVM_SETS[@]}"; do
  suffix=""; [ "$set" = 0 ] || suffix="-$((set + 1))"
  run "floor$suffix" 0 "$set"
  run "parallel$suffix" "$LATENCY_MS" "$set"
done
[ "$SERIAL" = 1 ] && run serial "$LATENCY_MS" 0 --max-concurrent-accounts 1

# Start-up: --help, and a one-account scan until its first AWS call, without and with a JDK AOT cache trained on a
# small scan (JDK 25: -XX:AOTCacheOutput writes it in one run).
startup() {
  local label=$1; shift
  for i in 1 2 3 4 5; do
    local start end
    start=$(now_ms); java "$@" -jar "$JAR" --help > /dev/null 2>&1; end=$(now_ms)
    echo "{\"variant\":\"$label\",\"what\":\"help\",\"ms\":$((end - start))}" >> "$OUT/startup.jsonl"
    curl -fs -X POST "$PROXY/__fault-proxy/latency?ms=0"; curl -fs -X POST "$PROXY/__fault-proxy/reset"
    start=$(now_ms)
    java "$@" -jar "$JAR" scan --regions us-east-1 --region us-east-1 --endpoint-url "$PROXY" --output "$OUT/startup-reports" \
      > /dev/null 2>&1 || true
    end=$(now_ms)
    local first
    first=$(curl -fs "$PROXY/__fault-proxy/counts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["firstRequestEpochMillis"])')
    echo "{\"variant\":\"$label\",\"what\":\"firstCall\",\"ms\":$((first - start))}" >> "$OUT/startup.jsonl"
    echo "{\"variant\":\"$label\",\"what\":\"smallScan\",\"ms\":$((end - start))}" >> "$OUT/startup.jsonl"
  done
}
if [ "$STARTUP" = 0 ]; then
  python3 src/bench/report.py "$OUT" "$ACCOUNTS" "$REGION_COUNT" "$FUNCTIONS"
  exit 0
fi
echo "start-up: plain JVM …"
startup jvm "${FIRST_SET[@]}"
if train_aot; then
  echo "start-up: with the AOT cache …"
  startup aot "${FIRST_SET[@]}" -XX:AOTCache="$OUT/app.aot"
else
  echo "this JDK cannot write an AOT cache (needs JDK 25); start-up measured without it" >&2
fi

python3 src/bench/report.py "$OUT" "$ACCOUNTS" "$REGION_COUNT" "$FUNCTIONS"
