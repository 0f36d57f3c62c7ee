#!/usr/bin/env bash
# Opt-in: writes a JDK 25 AOT cache for the packaged CLI, trained on the demo (a local moto organisation seeded and
# scanned end to end), so the classes of every collector, the SDK and the report renderers start pre-loaded and
# pre-linked. Start the CLI with it:  java -XX:AOTCache=target/quarkus-app/app.aot -jar target/quarkus-app/quarkus-run.jar …
# The cache is valid only for this jar and this JDK build; rebuild it after every package.
# Usage: bash src/build/aot-cache.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/build/env.sh

major=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${major%%.*}" -lt 25 ]; then
  echo "error: an AOT cache needs JDK 25 or newer (this is $major); the CLI runs without one just the same" >&2
  exit 1
fi
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests

start_moto target/aot-moto.log
trap 'kill "$MOTO_PID" 2>/dev/null || true' EXIT
port=$MOTO_PORT

rm -f target/quarkus-app/app.aot
java -XX:AOTCacheOutput=target/quarkus-app/app.aot -jar "$jar" demo --endpoint-url "http://127.0.0.1:$port" \
  --output target/aot-training-reports > target/aot-training.log 2>&1 || true
[ -f target/quarkus-app/app.aot ] || { echo "error: no cache written; see target/aot-training.log" >&2; exit 1; }
echo "wrote target/quarkus-app/app.aot ($(du -h target/quarkus-app/app.aot | cut -f1)); start with -XX:AOTCache=target/quarkus-app/app.aot"
