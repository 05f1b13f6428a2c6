# Shared by the run-*.sh scripts (sourced after `cd` into inetkit-bench): a JDK 21+ (the
# machine's default java may be 17, which cannot run the bench jar), the jar, the open-file
# limit and the core pinning.

ulimit -n 20000

java_ok() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; }
JDK=""
if [ -n "${JAVA_HOME:-}" ] && java_ok "$JAVA_HOME"; then JDK=$JAVA_HOME; fi
if [ -z "$JDK" ]; then
  for d in $(ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null); do
    if java_ok "$d"; then JDK=$d; break; fi
  done
fi
[ -n "$JDK" ] || { echo "no JDK 21+ found (set JAVA_HOME)" >&2; exit 1; }
JAVA=$JDK/bin/java
JAR=$PWD/target/inetkit-bench.jar
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -q -pl inetkit-bench -am package -DskipTests" >&2; exit 1; }

PYTHON=${PYTHON:-python3}
NICE=${NICE:-0}
PIN0=(nice -n "$NICE" taskset -c 0)
PIN1=(nice -n "$NICE" taskset -c 1)

# The server under test, started by the script; stopped by its PID only, and reaped.
SPID=""
stop_server() {
  if [ -n "$SPID" ] && kill -0 "$SPID" 2>/dev/null; then
    kill "$SPID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SPID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SPID" 2>/dev/null || true
  fi
  [ -n "$SPID" ] && wait "$SPID" 2>/dev/null || true
  SPID=""
}
