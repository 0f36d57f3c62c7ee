#!/usr/bin/env bash
# Benchmark of the HTML report at organisation scale: generates a result of N findings (default 20,000), renders
# report.html with the bundled template, loads it RUNS times (default 5) in headless Chromium and prints the page
# weight and the medians of time to first render, load, and filtering. Needs chromium and chromium-driver
# (apt-get install chromium chromium-driver). Not part of the test run.
#
#   bash src/bench/report-bench.sh [FINDINGS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/build/env.sh
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "error: $tool is needed (apt-get install chromium chromium-driver)" >&2; exit 1; }
done
./mvnw -B -o -q test-compile
./mvnw -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/report-bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/report-bench.classpath)" \
  io.lambdaguardrails.bench.ReportBench "${1:-20000}" "${2:-5}"
