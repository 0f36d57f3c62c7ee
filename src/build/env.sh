# Sourced by the build, demo and CI scripts: selects a JDK >= 21 and makes sure moto_server is available.
# Usage: source src/build/env.sh

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}'
}

select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: lambda-guardrails needs a JDK 21 or newer (virtual threads); none found in \$JAVA_HOME or /usr/lib/jvm." >&2
  echo "       Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  return 1
}

ensure_moto() {
  if ! command -v moto_server >/dev/null 2>&1; then
    echo "moto_server not found: installing moto[server] 5.2.1 with pip …" >&2
    python3 -m pip install --quiet 'moto[server]==5.2.1' || {
      echo "error: could not install moto; run: python3 -m pip install 'moto[server]==5.2.1'" >&2
      return 1
    }
    hash -r
  fi
}

# start_moto LOG [VAR=value …]: starts moto_server on a free loopback port with that environment (never
# MOTO_ACCOUNT_ID, which breaks multi-account), logging to LOG; sets MOTO_PORT and MOTO_PID and returns once it
# answers. The caller stops it (kill "$MOTO_PID").
start_moto() {
  local log=$1
  shift
  MOTO_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$(dirname "$log")"
  env -u MOTO_ACCOUNT_ID "$@" moto_server -H 127.0.0.1 -p "$MOTO_PORT" > "$log" 2>&1 &
  MOTO_PID=$!
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$MOTO_PORT/moto-api/')" 2>/dev/null && return 0
    kill -0 "$MOTO_PID" 2>/dev/null || { echo "moto_server failed to start; see $log" >&2; exit 1; }
    sleep 0.2
  done
  echo "moto_server did not answer on port $MOTO_PORT; see $log" >&2
  exit 1
}

select_jdk && ensure_moto
