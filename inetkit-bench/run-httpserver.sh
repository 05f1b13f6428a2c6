#!/usr/bin/env bash
# Static files under wrk: inetkit's HttpServer vs nginx (1 worker) vs Jetty 12, side by side (~4 min).
# Server pinned to core 0, wrk (1 thread, 100 keep-alive connections) to core 1; loopback only.
# Results: results/httpserver-<date>.md (+ .jsonl). Build first:
#   mvn -q -pl inetkit-bench -am package -DskipTests
# Knobs (environment): SERVERS="inetkit jetty nginx" (also inetkit-mem: an experiment, see InetkitMemoryServerMain;
#                      nginx-stock: nginx with its built-in defaults, sendfile and tcp_nopush off, as a stock
#                      nginx.conf without Debian's tuning) ROUNDS=3 SECONDS_PER_RUN=5 WARMUP_SECONDS=3
#                      CONNECTIONS=100 SERVER_FLAGS="..." NICE=0
#                      LAYOUT=pinned (the anchors' layout above) or shared: nothing pinned, wrk with 2 threads,
#                      nginx with one worker per core, so both cores are shared by wrk and the server and the
#                      server's CPU per request decides how much is left for wrk (pinned, wrk's one core is the limit)
set -euo pipefail
cd "$(dirname "$0")"

SERVERS=${SERVERS:-"inetkit jetty nginx"}
ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
WARMUP_SECONDS=${WARMUP_SECONDS:-3}
CONNECTIONS=${CONNECTIONS:-100}
FILES=${FILES:-"1k.bin 1m.bin"}
LAYOUT=${LAYOUT:-pinned}

source ./bench-common.sh
case $LAYOUT in
  pinned) WRK_THREADS=1; NGINX_WORKERS=1 ;;
  shared) WRK_THREADS=2; NGINX_WORKERS=$(nproc); PIN0=(nice -n "$NICE"); PIN1=(nice -n "$NICE") ;;
  *) echo "LAYOUT must be pinned or shared" >&2; exit 1 ;;
esac
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# Both JVMs get the same bounded heap; pinned to one core the JVM would pick SerialGC anyway.
SERVER_FLAGS=${SERVER_FLAGS:-"-XX:+UseSerialGC -Xms64m -Xmx256m"}

STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p results
TAG=$([ "$LAYOUT" = shared ] && echo shared- || true)
RAW=results/httpserver-$TAG$STAMP.jsonl
OUT=results/httpserver-$TAG$STAMP.md
WORK=$(mktemp -d /tmp/httpserver-bench.XXXXXX)
: >"$RAW"

# The files, the same bytes for every server; readable by nginx's unprivileged worker.
mkdir -p "$WORK/site" "$WORK/nginx/logs" "$WORK/nginx/tmp"
head -c 1024 /dev/urandom >"$WORK/site/1k.bin"
head -c 1048576 /dev/urandom >"$WORK/site/1m.bin"
chmod a+rx "$WORK" "$WORK/site" "$WORK/nginx"; chmod a+r "$WORK"/site/*

write_nginx_conf() { # port [stock]
  local d=$WORK/nginx tuned="on"
  [ "${2:-}" = stock ] && tuned="off"
  # Debian's defaults for static files (sendfile, tcp_nopush, tcp_nodelay), 1 worker, no access log;
  # keepalive_requests raised so that wrk's connections are not closed every 1,000 requests.
  # "stock": sendfile and tcp_nopush off, nginx's built-in defaults.
  cat >"$d/nginx.conf" <<CONF
daemon off;
worker_processes $NGINX_WORKERS;
pid $d/nginx.pid;
error_log $d/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $d/tmp/body;
  proxy_temp_path $d/tmp/proxy;
  fastcgi_temp_path $d/tmp/fastcgi;
  uwsgi_temp_path $d/tmp/uwsgi;
  scgi_temp_path $d/tmp/scgi;
  types { application/octet-stream bin; }
  default_type application/octet-stream;
  sendfile $tuned;
  tcp_nopush $tuned;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  server {
    listen 127.0.0.1:$1 backlog=4096;
    root $WORK/site;
  }
}
CONF
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT

start_server() { # name -> sets SPID, PORT
  local name=$1 attempt
  # nginx binds a port chosen here, and another process may take it first; on a shared machine
  # even bind(port 0) can fail while others hold every ephemeral port in TIME_WAIT: try again.
  for attempt in 1 2 3 4 5; do
    start_once "$name" && return 0
    stop_server
    sleep "$attempt"
  done
  echo "$name did not start; log:" >&2; cat "$WORK/$name.log" >&2; return 1
}

start_once() { # name -> sets SPID, PORT
  local name=$1 log=$WORK/$1.log p=""
  local cmd
  case $name in
    inetkit) cmd=("${PIN0[@]}" "$JAVA" $SERVER_FLAGS -cp "$JAR" io.inetkit.bench.httpserver.InetkitStaticServerMain --port 0 --dir "$WORK/site") ;;
    inetkit-mem) cmd=("${PIN0[@]}" "$JAVA" $SERVER_FLAGS -cp "$JAR" io.inetkit.bench.httpserver.InetkitMemoryServerMain --port 0 --dir "$WORK/site") ;;
    jetty)   cmd=("${PIN0[@]}" "$JAVA" $SERVER_FLAGS -cp "$JAR" io.inetkit.bench.httpserver.JettyStaticServerMain --port 0 --dir "$WORK/site") ;;
    nginx|nginx-stock) p=$(free_port); write_nginx_conf "$p" "${name#nginx-}"
             cmd=("${PIN0[@]}" "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf") ;;
    *) echo "unknown server $name" >&2; return 1 ;;
  esac
  : >"$log"
  "${cmd[@]}" </dev/null >>"$log" 2>&1 &
  SPID=$!
  PORT=""
  for _ in $(seq 150); do
    kill -0 "$SPID" 2>/dev/null || return 1
    if [[ $name == nginx* ]]; then
      # our nginx answers with the file (and is still alive, so the port is ours)
      ! grep -q "bind() to" "$log" && curl -s -o /dev/null "http://127.0.0.1:$p/1k.bin" && kill -0 "$SPID" 2>/dev/null && PORT=$p
    else
      PORT=$(awk '/^LISTENING/ {print $2; exit}' "$log")
    fi
    [ -n "$PORT" ] && return 0
    sleep 0.1
  done
  return 1
}

# The server's processes: the one started, plus nginx's worker (its child).
server_pids() { echo "$SPID"; cat /proc/"$SPID"/task/*/children 2>/dev/null | tr ' ' '\n' | grep -v '^$' || true; }
# CPU ticks (user+system) of the server's processes; RSS and peak RSS in KiB, summed.
cpu_ticks() { local t=0 p; for p in $(server_pids); do t=$(( t + $(awk '{print $14+$15}' /proc/"$p"/stat 2>/dev/null || echo 0) )); done; echo "$t"; }
rss_kib()   { local t=0 p; for p in $(server_pids); do t=$(( t + $(awk '/^VmRSS/ {print $2}' /proc/"$p"/status 2>/dev/null || echo 0) )); done; echo "$t"; }
hwm_kib()   { local t=0 p; for p in $(server_pids); do t=$(( t + $(awk '/^VmHWM/ {print $2}' /proc/"$p"/status 2>/dev/null || echo 0) )); done; echo "$t"; }
HZ=$(getconf CLK_TCK)

# One wrk run; appends a JSON line for measured runs.
bench() { # name round file seconds measured(0/1)
  local name=$1 round=$2 file=$3 secs=$4 measured=$5 out=$WORK/wrk.out
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks)
  timeout $(( secs + 30 )) "${PIN1[@]}" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency \
      "http://127.0.0.1:$PORT/$file" >"$out" 2>&1 || echo "  wrk failed or timed out" >&2
  t1=$(date +%s.%N); c1=$(cpu_ticks)
  [ "$measured" = 1 ] || return 0
  python3 - "$out" "$name" "$round" "$file" "$(rss_kib)" "$(hwm_kib)" \
      "$(awk -v a="$c0" -v b="$c1" -v s="$t0" -v e="$t1" -v hz="$HZ" 'BEGIN{printf "%.0f", 100*(b-a)/hz/(e-s)}')" \
      "$(cut -d' ' -f1 /proc/loadavg)" >>"$RAW" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
def unit(v, u):
    return float(v) * {"": 1, "K": 1e3, "M": 1e6, "G": 1e9, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "B": 1}[u]
def dur(v, u):
    return float(v) * {"us": 1e-3, "ms": 1, "s": 1000, "m": 60000}[u]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
tps = re.search(r"Transfer/sec:\s+([\d.]+)([KMG]?B)", text)
p50 = re.search(r"\s50%\s+([\d.]+)(us|ms|s|m)\b", text)
p99 = re.search(r"\s99%\s+([\d.]+)(us|ms|s|m)\b", text)
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
sock = re.search(r"Socket errors:\s*(.*)", text)
print(json.dumps({
    "server": sys.argv[2], "round": int(sys.argv[3]), "file": sys.argv[4],
    "rps": float(rps.group(1)) if rps else None,
    "mibps": unit(*tps.groups()) / 2**20 if tps else None,
    "p50ms": dur(*p50.groups()) if p50 else None, "p99ms": dur(*p99.groups()) if p99 else None,
    "non2xx": int(non2xx.group(1)) if non2xx else 0, "socketErrors": sock.group(1).strip() if sock else "",
    "rssKiB": int(sys.argv[5]), "peakRssKiB": int(sys.argv[6]), "serverCpuPct": int(sys.argv[7]),
    "load1": float(sys.argv[8])}))
PY
  tail -1 "$RAW" | sed "s/^/  /"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $LOAD_BEFORE"
START=$(date +%s)
# Rounds outer, servers inner: background load that drifts over time hits every server alike.
for round in $(seq "$ROUNDS"); do
  for name in $SERVERS; do
    echo "== round $round: $name"
    start_server "$name"
    for file in $FILES; do
      bench "$name" "$round" "$file" "$WARMUP_SECONDS" 0
      bench "$name" "$round" "$file" "$SECONDS_PER_RUN" 1
    done
    stop_server
  done
done
ELAPSED=$(( $(date +%s) - START ))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# Static files under wrk: inetkit vs Jetty 12 vs nginx, $STAMP UTC"
  echo
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -sr); shared with other work"
  if [ "$LAYOUT" = pinned ]; then
    echo "- Server pinned to core 0, wrk to core 1 (\`wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency\`, keep-alive); loopback 127.0.0.1"
  else
    echo "- Layout shared: nothing pinned, both cores shared by the server and wrk (\`wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency\`, keep-alive); loopback 127.0.0.1"
  fi
  echo "- Files: 1k.bin (1,024 bytes), 1m.bin (1,048,576 bytes), random bytes, same folder for all servers"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -1); JVM flags (inetkit and Jetty): \`$SERVER_FLAGS\`"
  echo "- nginx: $("$NGINX" -v 2>&1 | cut -d' ' -f3), $NGINX_WORKERS worker(s), sendfile on, tcp_nopush on, access_log off, keepalive_requests 1000000"
  case " $SERVERS " in *" nginx-stock "*)
    echo "- nginx-stock: the same nginx and settings with sendfile off and tcp_nopush off, nginx's built-in defaults" ;; esac
  echo "- Jetty 12.1.14: ServerConnector + ResourceHandler, default QueuedThreadPool; inetkit: HttpServer + StaticFiles.of(dir), default limits, no access log"
  echo "- $ROUNDS rounds (servers interleaved, each started fresh per round), per file ${WARMUP_SECONDS} s warm-up then ${SECONDS_PER_RUN} s measured; median shown; total wall time ${ELAPSED} s"
  echo "- Load average before: $LOAD_BEFORE, after: $LOAD_AFTER; nice: $NICE"
  echo "- RSS: the server's resident memory right after the measured run (nginx: master + worker); peak: VmHWM"
  echo
  python3 - "$RAW" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
servers = list(dict.fromkeys(r["server"] for r in rows))
files = list(dict.fromkeys(r["file"] for r in rows))
def med(server, file, key):
    v = [r[key] for r in rows if r["server"] == server and r["file"] == file and r[key] is not None]
    return statistics.median(v) if v else None
def per_cpu(rs):
    # requests per CPU-second of the server: less sensitive to CPU stolen by other work
    v = [r["rps"] / (r["serverCpuPct"] / 100) for r in rs if r["rps"] and r["serverCpuPct"]]
    return statistics.median(v) if v else None
def fmt(v, p=0):
    return "n/a" if v is None else f"{v:,.{p}f}"
for f in files:
    print(f"## {f}\n")
    print("| server | req/s (median) | MiB/s | vs nginx | vs Jetty | p50 ms | p99 ms | server CPU % | req per server CPU-second | RSS MiB | peak RSS MiB | load1 | errors | req/s per round |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    ng, je = med("nginx", f, "rps"), med("jetty", f, "rps")
    for s in servers:
        rps = med(s, f, "rps")
        rs = [r for r in rows if r["server"] == s and r["file"] == f]
        errs = sum(r["non2xx"] for r in rs)
        sockets = "; ".join(r["socketErrors"] for r in rs if r["socketErrors"])
        ratio = lambda b: "n/a" if not (rps and b) else f"{rps / b:.2f}x"
        print(f"| {s} | {fmt(rps)} | {fmt(med(s, f, 'mibps'))} | {ratio(ng)} | {ratio(je)} | {fmt(med(s, f, 'p50ms'), 2)} | "
              f"{fmt(med(s, f, 'p99ms'), 2)} | {fmt(med(s, f, 'serverCpuPct'))} | {fmt(per_cpu(rs))} | {fmt(med(s, f, 'rssKiB') and med(s, f, 'rssKiB') / 1024, 1)} | "
              f"{fmt(med(s, f, 'peakRssKiB') and med(s, f, 'peakRssKiB') / 1024, 1)} | {fmt(med(s, f, 'load1'), 2)} | "
              f"{errs} non-2xx{'; ' + sockets if sockets else ''} | {' / '.join(fmt(r['rps']) for r in rs)} |")
    stock = med("nginx-stock", f, "rps")
    if stock:
        print()
        print("Against nginx-stock: " + ", ".join(f"{s} {med(s, f, 'rps') / stock:.2f}x" for s in servers
                                                  if s != "nginx-stock" and med(s, f, "rps")))
    print()
PY
} >"$OUT"
cat "$OUT"
echo
echo "written: $OUT (raw: $RAW)"
