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

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p target
MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p "$port" > target/demo-moto.log 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/')" 2>/dev/null && break
  kill -0 "$moto_pid" 2>/dev/null || { echo "moto_server failed to start; see target/demo-moto.log" >&2; exit 1; }
  sleep 0.2
done

status=0
java -jar "$jar" demo --endpoint-url "http://127.0.0.1:$port" --output "$output" || status=$?
echo
echo "Reports of this run are in $output/runs/…; the newest are always in $output/latest/ — open $output/latest/report.html in a browser."
exit "$status"
