#!/usr/bin/env bash
# Runs the whole test suite: unit tests, and integration tests against a local moto server they start themselves.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/build/env.sh
exec ./mvnw -B verify "$@"
