#!/usr/bin/env bash
# Greeting-protocol comparison: inetkit (event loops) vs inetkit-threads (a virtual thread per
# connection) vs Netty vs Python socketserver, in one go (~10 min: 606 s measured with the defaults).
# Server pinned to core 0, load generator to core 1. Results: results/greet-<date>.md (+ .jsonl).
# Build first:  mvn -q -pl inetkit-bench -am package -DskipTests
# Knobs (environment): SERVERS="inetkit inetkit-threads netty python" ROUNDS=3 RTT_SECONDS=5 WARMUP=2 CPS_SECONDS=5
#                      IDLE_COUNTS="10000 19000" RTT_CONNECTIONS="1 100 1000" IDLE_TIMEOUT=30
#                      NICE=0 (e.g. -10 as root: favour the benchmark over other work on a shared machine)
set -euo pipefail
cd "$(dirname "$0")"

SERVERS=${SERVERS:-"inetkit inetkit-threads netty python"}
ROUNDS=${ROUNDS:-3}
RTT_SECONDS=${RTT_SECONDS:-5}
WARMUP=${WARMUP:-2}
CPS_SECONDS=${CPS_SECONDS:-5}
RTT_CONNECTIONS=${RTT_CONNECTIONS:-"1 100 1000"}
IDLE_COUNTS=${IDLE_COUNTS:-"10000 19000"}
IDLE_TIMEOUT=${IDLE_TIMEOUT:-30}

source ./bench-common.sh

# One core: the JVM picks SerialGC by itself; say so explicitly, and fix the heap bounds.
SERVER_FLAGS=${SERVER_FLAGS:-"-XX:+UseSerialGC -Xms64m -Xmx2g --enable-native-access=ALL-UNNAMED"}
LOADGEN_FLAGS=${LOADGEN_FLAGS:-"-XX:+UseSerialGC -Xms256m -Xmx1g"}

STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p results
RAW=results/greet-$STAMP.jsonl
OUT=results/greet-$STAMP.md
LOGDIR=$(mktemp -d /tmp/greet-bench.XXXXXX)
: >"$RAW"

trap stop_server EXIT

start_server() { # name -> sets SPID, PORT
  local name=$1 log=$LOGDIR/$1.log
  local cmd
  case $name in
    inetkit) cmd=("${PIN0[@]}" "$JAVA" $SERVER_FLAGS -cp "$JAR" io.inetkit.bench.greet.InetkitGreetServerMain --port 0) ;;
    inetkit-threads) cmd=("${PIN0[@]}" "$JAVA" $SERVER_FLAGS -cp "$JAR" io.inetkit.bench.greet.InetkitThreadsGreetServerMain --port 0) ;;
    netty)   cmd=("${PIN0[@]}" "$JAVA" $SERVER_FLAGS -cp "$JAR" io.inetkit.bench.greet.NettyGreetServer --port 0) ;;
    python)  cmd=("${PIN0[@]}" "$PYTHON" servers/greet_socketserver.py 0) ;;
    # An experiment, not inetkit: epoll through the JDK's FFM API (Java 22+), see servers/FfmGreetServer.java.
    ffm)     cmd=("${PIN0[@]}" "$JAVA" $SERVER_FLAGS servers/FfmGreetServer.java --port 0) ;;
    ffm-sendrecv) cmd=("${PIN0[@]}" "$JAVA" $SERVER_FLAGS -Dffm.sendrecv=true servers/FfmGreetServer.java --port 0) ;;
    *) echo "unknown server $name" >&2; return 1 ;;
  esac
  : >"$log"
  "${cmd[@]}" </dev/null >"$log" 2>&1 &
  SPID=$!
  PORT=""
  for _ in $(seq 150); do
    PORT=$(awk '/^LISTENING/ {print $2; exit}' "$log")
    [ -n "$PORT" ] && return 0
    kill -0 "$SPID" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name did not print LISTENING; log:" >&2; cat "$log" >&2; return 1
}

load() { # name round mode args...
  local name=$1 round=$2; shift 2
  timeout 150 "${PIN1[@]}" "$JAVA" $LOADGEN_FLAGS -cp "$JAR" io.inetkit.bench.greet.LoadGenerator \
      "$@" --port "$PORT" --server-pid "$SPID" 2>&1 \
    | while IFS= read -r line; do
        case $line in
          "{"*) echo "{\"server\":\"$name\",\"round\":$round,${line#\{}" >>"$RAW" ;;
          *) echo "  [$name r$round] $line" ;;
        esac
      done || echo "  [$name r$round] load generator failed or timed out: $*" >&2
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $LOAD_BEFORE (a busy machine disturbs every figure; see 'other load' in the table)"
START=$(date +%s)
# Rounds outer, servers inner: background load that drifts over time hits every server alike.
# Each server starts fresh for rtt+cps, and again for each idle count so that the RSS delta
# is not hidden by heap an earlier test already grew.
for round in $(seq "$ROUNDS"); do
  for name in $SERVERS; do
    echo "== round $round: $name"
    start_server "$name"
    for n in $RTT_CONNECTIONS; do
      load "$name" "$round" rtt --connections "$n" --duration "$RTT_SECONDS" --warmup "$WARMUP" --timeout 20
    done
    load "$name" "$round" cps --concurrency 50 --duration "$CPS_SECONDS" --warmup 1
    stop_server
    for n in $IDLE_COUNTS; do
      start_server "$name"
      load "$name" "$round" idle --connections "$n" --timeout "$IDLE_TIMEOUT"
      stop_server
    done
  done
done
ELAPSED=$(( $(date +%s) - START ))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# Greeting protocol benchmark, $STAMP UTC"
  echo
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -sr)"
  echo "- Server pinned to core 0, load generator (one NIO selector thread) to core 1; loopback 127.0.0.1"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -1); Python: $("$PYTHON" --version 2>&1)"
  echo "- Server JVM flags: \`$SERVER_FLAGS\`; load generator flags: \`$LOADGEN_FLAGS\`"
  echo "- $ROUNDS rounds (servers interleaved, each started fresh per rtt+cps block and per idle count), median shown; rtt: ${WARMUP} s warm-up + ${RTT_SECONDS} s; cps: 1 s warm-up + ${CPS_SECONDS} s; total wall time ${ELAPSED} s"
  echo "- Load average before: $LOAD_BEFORE, after: $LOAD_AFTER; nice: $NICE"
  echo "- Netty transport: $(grep -h 'netty transport' "$LOGDIR"/netty*.log 2>/dev/null | head -1 || echo n/a)"
  echo
  "$PYTHON" greet-report.py "$RAW"
} >"$OUT"
cat "$OUT"
echo
echo "written: $OUT (raw: $RAW)"
rm -rf "$LOGDIR"
