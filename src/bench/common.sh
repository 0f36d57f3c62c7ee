# Sourced by bench.sh and scale.sh: the packaged CLI, and one measured run of it.

ALL_REGIONS=(us-east-1 eu-west-1 us-west-2 eu-central-1 ap-southeast-2)
JAR=target/quarkus-app/quarkus-run.jar
CP="target/test-classes:target/classes:target/quarkus-app/lib/boot/*:target/quarkus-app/lib/main/*"

# The JVM options the CLI launcher gives a command (its *_java_opts lines): launcher_java_opts scan|evaluate.
launcher_java_opts() {
  eval "$(grep -E '^(default|scan)_java_opts=' src/main/bin/lambda-guardrails)"
  if [ "$1" = scan ]; then echo "$scan_java_opts"; else echo "$default_java_opts"; fi
}

# prepare OUT BUILD: checks for GNU time, empties OUT, and packages the CLI (tests compiled, not run) when BUILD is 1.
prepare() {
  [ -x /usr/bin/time ] || { echo "error: /usr/bin/time is needed for peak RSS and CPU time (apt-get install time)" >&2; exit 1; }
  rm -rf "$1" && mkdir -p "$1"
  if [ "$2" = 1 ]; then
    echo "building (tests compiled, not run) …"
    ./mvnw -B -q -DskipTests package
  fi
}

# measured PREFIX [JVM options…] -- [CLI arguments…]: runs the CLI under GNU time (PREFIX.time: CPU, peak RSS) with
# -XX:+CITime (methods each compiler compiled, on stdout at exit) and -Xlog:gc (PREFIX.gc.log: pauses, peak heap),
# while thread_cpu.py samples the CPU of its JIT, GC and application threads (PREFIX.threads.json). Output goes to
# PREFIX.out and PREFIX.err; returns the CLI's exit code.
measured() {
  local prefix=$1 jvm=() rc=0; shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do jvm+=("$1"); shift; done
  shift
  /usr/bin/time -v -o "$prefix.time" java "${jvm[@]}" -XX:+CITime -Xlog:gc:file="$prefix.gc.log" -jar "$JAR" "$@" \
    > "$prefix.out" 2> "$prefix.err" &
  local timed=$!
  python3 src/bench/thread_cpu.py "$timed" "$prefix.threads.json" &
  local sampler=$!
  wait "$timed" || rc=$?
  wait "$sampler"
  return "$rc"
}
