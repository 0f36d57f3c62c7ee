#!/usr/bin/env bash
# Quick start without an AWS account: builds the CLI if needed, starts a local moto server, seeds it with a sample
# organisation (4 accounts, 2 regions, 30 functions with realistic mistakes), scans it and writes real reports.
# Usage: bash src/demo/demo.sh [OUTPUT_DIR]     (default: ./lambda-guardrails-reports)
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/build/env.sh
output="${1:-lambda-guardrails-reports}"

jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml reports-template -newer "$jar" -print -quit)" ]; then
  echo "Building lambda-guardrails …"
  ./mvnw -B -q package -DskipTests
fi

start_moto target/demo-moto.log MOTO_IAM_LOAD_MANAGED_POLICIES=true
trap 'kill "$MOTO_PID" 2>/dev/null || true' EXIT
port=$MOTO_PORT

status=0
target/quarkus-app/lambda-guardrails demo --endpoint-url "http://127.0.0.1:$port" --output "$output" || status=$?
echo
echo "Reports of this run are in $output/runs/…; the newest are always in $output/latest/ — open $output/latest/report.html in a browser."
exit "$status"
