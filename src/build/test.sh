#!/usr/bin/env bash
# Runs the whole test suite: unit tests, and integration tests against a local moto server they start themselves.
# Then the Lambda build (its own build directory, target/lambda): the function's tests against the Lambda mock event
# server, and function.zip.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/build/env.sh
./mvnw -B verify "$@"
exec ./mvnw -B -Plambda verify "$@"
