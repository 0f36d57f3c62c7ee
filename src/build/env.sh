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

select_jdk && ensure_moto
