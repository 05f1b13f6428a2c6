#!/usr/bin/env bash
# XML-RPC: inetkit's client and server vs Python's xmlrpc.client and SimpleXMLRPCServer (~3 min).
# Every pairing of client and server; each run: WARMUP calls, then CALLS calls of add(i, i), one
# after the other (one call in flight), every answer checked. Server pinned to core 0, client to
# core 1; loopback only. Results: results/xmlrpc-<date>.md (+ .jsonl). Build first:
#   mvn -q -pl inetkit-bench -am package -DskipTests
# Knobs (environment): PAIRS="inetkit/inetkit python/python inetkit/python python/inetkit"
#                      (client/server) ROUNDS=3 CALLS=10000 WARMUP=2000 JVM_FLAGS="..." NICE=0
set -euo pipefail
cd "$(dirname "$0")"

PAIRS=${PAIRS:-"inetkit/inetkit python/python inetkit/python python/inetkit"}
ROUNDS=${ROUNDS:-3}
CALLS=${CALLS:-10000}
WARMUP=${WARMUP:-2000}
MAX_SECONDS=${MAX_SECONDS:-60}

source ./bench-common.sh

JVM_FLAGS=${JVM_FLAGS:-"-XX:+UseSerialGC -Xms64m -Xmx256m"}

STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p results
RAW=results/xmlrpc-$STAMP.jsonl
OUT=results/xmlrpc-$STAMP.md
LOGDIR=$(mktemp -d /tmp/xmlrpc-bench.XXXXXX)
: >"$RAW"

cleanup() { stop_server; rm -rf "$LOGDIR"; }
trap cleanup EXIT

start_once() { # name -> sets SPID, PORT
  local name=$1 log=$LOGDIR/server-$1.log
  local cmd
  case $name in
    inetkit) cmd=("${PIN0[@]}" "$JAVA" $JVM_FLAGS -cp "$JAR" io.inetkit.bench.httpserver.InetkitXmlRpcServerMain --port 0) ;;
    python)  cmd=("${PIN0[@]}" "$PYTHON" servers/xmlrpc_server.py 0) ;;
    *) echo "unknown server $name" >&2; return 1 ;;
  esac
  : >"$log"
  "${cmd[@]}" </dev/null >>"$log" 2>&1 &
  SPID=$!
  PORT=""
  for _ in $(seq 150); do
    PORT=$(awk '/^LISTENING/ {print $2; exit}' "$log")
    [ -n "$PORT" ] && return 0
    kill -0 "$SPID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

start_server() { # name -> sets SPID, PORT
  local attempt
  # On a shared machine even bind(port 0) can fail while others hold every ephemeral port.
  for attempt in 1 2 3 4 5; do
    start_once "$1" && return 0
    stop_server
    sleep "$attempt"
  done
  echo "$1 did not print LISTENING; log:" >&2; cat "$LOGDIR/server-$1.log" >&2; return 1
}

run_client() { # client round server
  local client=$1 round=$2 server=$3 url="http://127.0.0.1:$PORT/RPC2" line
  local cmd
  case $client in
    inetkit) cmd=("${PIN1[@]}" "$JAVA" $JVM_FLAGS -cp "$JAR" io.inetkit.bench.httpserver.XmlRpcCallsMain \
                  --url "$url" --calls "$CALLS" --warmup "$WARMUP" --max-seconds "$MAX_SECONDS") ;;
    python)  cmd=("${PIN1[@]}" "$PYTHON" servers/xmlrpc_client.py "$url" "$CALLS" "$WARMUP" "$MAX_SECONDS") ;;
    *) echo "unknown client $client" >&2; return 1 ;;
  esac
  local t0 t1
  t0=$(date +%s%N)
  line=$(timeout $(( 2 * MAX_SECONDS + 30 )) "${cmd[@]}" 2>"$LOGDIR/client.err" | grep '^{' | tail -1) || true
  t1=$(date +%s%N)
  if [ -z "$line" ]; then
    echo "  client $client failed against $server:" >&2; cat "$LOGDIR/client.err" >&2; return 0
  fi
  local rss
  rss=$(awk '/^VmRSS/ {print $2}' /proc/"$SPID"/status 2>/dev/null || echo 0)
  echo "{\"client\":\"$client\",\"server\":\"$server\",\"round\":$round,\"processMs\":$(( (t1 - t0) / 1000000 )),\"serverRssKiB\":$rss,\"load1\":$(cut -d' ' -f1 /proc/loadavg),${line#\{}" | tee -a "$RAW" | sed 's/^/  /'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $LOAD_BEFORE"
START=$(date +%s)
for round in $(seq "$ROUNDS"); do
  for pair in $PAIRS; do
    client=${pair%/*}; server=${pair#*/}
    echo "== round $round: $client client -> $server server"
    start_server "$server"
    run_client "$client" "$round" "$server"
    stop_server
  done
done
ELAPSED=$(( $(date +%s) - START ))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# XML-RPC: inetkit vs Python xmlrpc, $STAMP UTC"
  echo
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -sr); shared with other work"
  echo "- Server pinned to core 0, client to core 1; loopback 127.0.0.1; method \`add(i, i)\` (two ints), one call in flight, every answer checked"
  echo "- Each run: a fresh server and client process; $WARMUP warm-up calls (timed apart), then $CALLS measured calls"
  echo "- inetkit server: HttpServer + XmlRpcHttpHandler(XmlRpcDispatcher), HTTP/1.1 keep-alive; inetkit client: XmlRpcClient over InetkitHttpTransport (keep-alive pool)"
  echo "- Python $("$PYTHON" --version 2>&1 | cut -d' ' -f2): SimpleXMLRPCServer (logRequests=False; HTTP/1.0, so one TCP connection per call, one thread) and xmlrpc.client.ServerProxy (keeps the connection when the server allows it)"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -1); JVM flags (client and server): \`$JVM_FLAGS\`"
  echo "- $ROUNDS rounds (pairs interleaved), median shown; total wall time ${ELAPSED} s; load average before: $LOAD_BEFORE, after: $LOAD_AFTER; nice: $NICE"
  echo
  "$PYTHON" - "$RAW" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
pairs = list(dict.fromkeys((r["client"], r["server"]) for r in rows))
def med(pair, key):
    v = [r[key] for r in rows if (r["client"], r["server"]) == pair]
    return statistics.median(v) if v else None
base = med(("python", "python"), "callsPerSec")
print("| client → server | calls/s (measured, median) | vs Python pair | warm-up calls/s (cold JVM) | whole process, s | server RSS MiB | load1 | errors | calls/s per round |")
print("|---|---|---|---|---|---|---|---|---|")
for p in pairs:
    rs = [r for r in rows if (r["client"], r["server"]) == p]
    cps = med(p, "callsPerSec")
    wcalls = med(p, "warmupCalls"); wsec = med(p, "warmupSeconds")
    warm = f"{statistics.median([r['warmupCalls'] / r['warmupSeconds'] for r in rs if r['warmupSeconds']]):,.0f}" if wcalls else "n/a"
    ratio = f"{cps / base:.2f}x" if base and cps else "n/a"
    per_round = " / ".join(f"{r['callsPerSec']:,.0f}" for r in rs)
    print(f"| {p[0]} → {p[1]} | {cps:,.0f} | {ratio} | {warm} | {med(p, 'processMs') / 1000:.1f} | "
          f"{med(p, 'serverRssKiB') / 1024:.1f} | {med(p, 'load1'):.2f} | {sum(r['errors'] for r in rs)} | {per_round} |")
PY
} >"$OUT"
cat "$OUT"
echo
echo "written: $OUT (raw: $RAW)"
