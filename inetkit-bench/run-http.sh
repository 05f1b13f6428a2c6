#!/usr/bin/env bash
# HTTP client comparison: inetkit vs Apache HttpClient 5 (classic) vs OkHttp 5 vs java.net.http,
# each as a fraction of curl, against one nginx (interop/http/nginx.sh: throwaway CA, sparse 1 GiB
# file) on loopback. nginx pinned to core 0, every client to core 1. About 5-10 minutes.
# Installs nothing: needs nginx, curl, openssl, python3 and a JDK 21+ (JDK 25 preferred).
# Build first:  mvn -q -pl inetkit-bench -am package -DskipTests
# Results: results/http-<date>.md (+ .jsonl with every round).
# Knobs (environment): CLIENTS="inetkit apache okhttp jdk" ROUNDS=3 WARMUP=2 (downloads)
#   GET_WARMUP=2 (rounds of REQUESTS) REQUESTS=10000 CALLERS="1 16"
#   TESTS="download-http download-https gets cold-http cold-https"
#   JAVA_FLAGS="-Xmx64m -XX:+UseSerialGC" BUDGET=600 (seconds; later steps are skipped past it) NICE=0
#   CLIENT_CORES=1 (the anchors' layout) or all: clients not pinned (nginx keeps core 0), as a user runs
#   a command; for a cold JVM this lets its JIT threads use the other core when nginx leaves it idle
set -euo pipefail
cd "$(dirname "$0")"
BENCH_DIR=$(pwd)

CLIENTS=${CLIENTS:-"inetkit apache okhttp jdk"}
ROUNDS=${ROUNDS:-3}
# Two warm-up downloads per JVM (every client alike): after one, the JDK still recompiles its TLS
# read path during the next download (its GCM code traps at the first short record it meets).
WARMUP=${WARMUP:-2}
GET_WARMUP=${GET_WARMUP:-2}
REQUESTS=${REQUESTS:-10000}
CALLERS=${CALLERS:-"1 16"}
TESTS=${TESTS:-"download-http download-https gets cold-http cold-https"}
JAVA_FLAGS=${JAVA_FLAGS:-"-Xmx64m -XX:+UseSerialGC"}
BUDGET=${BUDGET:-600}
NICE=${NICE:-0}
PIN0=(nice -n "$NICE" taskset -c 0)
PIN1=(nice -n "$NICE" taskset -c 1)
CLIENT_CORES=${CLIENT_CORES:-1}
case $CLIENT_CORES in
  1) ;;
  all) PIN1=(nice -n "$NICE") ;;
  *) echo "CLIENT_CORES must be 1 or all" >&2; exit 1 ;;
esac

# A JDK 21+ (the machine's default java is 17, which cannot run this); 25 first.
java_ok() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; }
JDK=""
for d in ${JAVA_HOME:-} $(ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null); do
  if java_ok "$d"; then JDK=$d; break; fi
done
[ -n "$JDK" ] || { echo "no JDK 21+ found (set JAVA_HOME)" >&2; exit 1; }
JAVA=$JDK/bin/java
JAR=$BENCH_DIR/target/inetkit-bench.jar
INET=$(cd "$BENCH_DIR/.." && pwd)/inet
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -q -pl inetkit-bench -am package -DskipTests" >&2; exit 1; }
for tool in nginx curl openssl python3 taskset; do
  command -v "$tool" >/dev/null || { echo "missing $tool (this script installs nothing)" >&2; exit 1; }
done

STAMP=$(date -u +%Y-%m-%d-%H%M)
mkdir -p results
TAG=$([ "$CLIENT_CORES" = all ] && echo unpinned- || true)
RAW=$BENCH_DIR/results/http-$TAG$STAMP.jsonl
OUT=$BENCH_DIR/results/http-$TAG$STAMP.md
: >"$RAW"

# nginx from the interop suite: lib.sh starts it by PID and stops it by PID (its EXIT trap).
INTEROP_WORK=$(mktemp -d /tmp/inetkit-httpbench.XXXXXX)
export INTEROP_WORK
# shellcheck source=../interop/lib.sh
source ../interop/lib.sh
# shellcheck source=../interop/http/nginx.sh
source ../interop/http/nginx.sh
finish_all() {
  cleanup # lib.sh: stops nginx (and anything else in PIDS) by PID
  rm -rf "$INTEROP_WORK"
}
trap finish_all EXIT

# free_port picks a port that another program on this shared machine may take before nginx binds
# it ("Address already in use"): try again with new ports a few times.
started=""
for attempt in 1 2 3; do
  if setup_nginx; then started=yes; break; fi
  echo "nginx did not start (attempt $attempt): $(tail -1 "$WORK/nginx/logs/stdout.log.err" 2>/dev/null)" >&2
  stop_pid "$LAST_PID"
done
[ -n "$started" ] || { echo "nginx did not start" >&2; exit 1; }
NGINX_MASTER=$LAST_PID
head -c 1024 /dev/urandom >"$WORK/nginx/html/1k.bin"
chmod a+r "$WORK/nginx/html/1k.bin"
# Pin master and worker (already forked) to core 0, by PID.
NGINX_PIDS=$NGINX_MASTER
for _ in $(seq 50); do
  WORKERS=$(cat /proc/"$NGINX_MASTER"/task/*/children 2>/dev/null | xargs)
  [ -n "$WORKERS" ] && break
  sleep 0.1
done
[ -n "$WORKERS" ] || { echo "nginx worker not found" >&2; exit 1; }
for pid in $NGINX_MASTER $WORKERS; do taskset -apc 0 "$pid" >/dev/null; done
NGINX_PIDS=$(echo "$NGINX_MASTER $WORKERS" | tr ' ' ',')
HTTP_BASE=http://127.0.0.1:$NGINX_HTTP
# The throwaway certificate names localhost only (interop tests 127.0.0.1 as a host-name mismatch).
HTTPS_BASE=https://localhost:$NGINX_HTTPS
echo "nginx master $NGINX_MASTER, worker(s) $WORKERS on core 0; http $NGINX_HTTP, https $NGINX_HTTPS"

# curl measured like the Java drivers: wall time, its own CPU (rusage), nginx CPU, other load.
CURLRUN=$INTEROP_WORK/curlrun.py
cat >"$CURLRUN" <<'PY'
import json, os, resource, subprocess, sys, time
label, rnd, pids, expect = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
client = os.environ.get("RUN_CLIENT", "curl")
cmd = sys.argv[5:]
TICK = 1e-2
def server_cpu():
    s = 0
    for p in pids.split(","):
        try:
            f = open("/proc/%s/stat" % p).read()
            f = f[f.rindex(")") + 2:].split()
            s += (int(f[11]) + int(f[12])) * TICK
        except (OSError, ValueError):
            pass
    return s
def machine_busy():
    f = open("/proc/stat").readline().split()[1:9]
    return sum(int(v) for i, v in enumerate(f) if i not in (3, 4)) * TICK
m0, s0 = machine_busy(), server_cpu()
t0 = time.perf_counter()
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(timeout=300)
wall = time.perf_counter() - t0
ch = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ch.ru_utime + ch.ru_stime  # only one child per run of this script
s1, m1 = server_cpu(), machine_busy()
if p.returncode != 0:
    sys.exit("%s failed (%d): %s" % (client, p.returncode, err.decode(errors="replace")[:500]))
lines = out.decode().split()
rec = {"test": label, "client": client, "round": rnd}
if expect == "download":
    last = out.decode().strip().splitlines()[-1]  # curl/inet: -w size_download; a Java driver: its JSON line
    rec["bytes"] = json.loads(last)["bytes"] if last.startswith("{") else int(last)
else:
    ok = sum(1 for l in lines if l == "200")
    if ok != int(expect):
        sys.exit("curl: %d of %s answers were 200" % (ok, expect))
    rec.update(requests=ok, bytes=ok * 1024)
other = max(0.0, (m1 - m0) - cpu - (s1 - s0)) / wall
rec.update(seconds=round(wall, 4), cpu_s=round(cpu, 3), server_cpu_s=round(s1 - s0, 3), other_cores=round(other, 2))
print(json.dumps(rec))
PY

START=$SECONDS
over_budget() { (( SECONDS - START > BUDGET )); }
note() { echo "$*"; echo "$*" >>"$INTEROP_WORK/notes"; }
: >"$INTEROP_WORK/notes"

curl_round() { # label round expect warmups curl-args...
  local label=$1 round=$2 expect=$3 warm=$4; shift 4
  local w
  for w in $(seq "$warm"); do
    timeout 300 "${PIN1[@]}" curl "$@" >/dev/null 2>&1 || note "curl warm-up failed: $label"
  done
  timeout 300 "${PIN1[@]}" python3 "$CURLRUN" "$label" "$round" "$NGINX_PIDS" "$expect" curl "$@" >>"$RAW" \
    || note "curl round $round failed: $label"
}

inet_round() { # label round inet-args...  (the `inet` launcher: one cold process, as a user runs it)
  local label=$1 round=$2; shift 2
  RUN_CLIENT=inet-get timeout 300 "${PIN1[@]}" python3 "$CURLRUN" "$label" "$round" "$NGINX_PIDS" download "$INET" "$@" >>"$RAW" \
    || note "inet round $round failed: $label"
}

java_round() { # label round main args...  (a fresh JVM: its warm-up, then one measured round)
  local label=$1 round=$2 main=$3; shift 3
  # shellcheck disable=SC2086
  if timeout 300 "${PIN1[@]}" "$JAVA" $JAVA_FLAGS -cp "$JAR" "io.inetkit.bench.http.$main" "$@" --rounds 1 \
      --label "$label" --server-pids "$NGINX_PIDS" >"$INTEROP_WORK/round.jsonl" 2>>"$INTEROP_WORK/java.log"; then
    sed "s/\"round\":1,/\"round\":$round,/" "$INTEROP_WORK/round.jsonl" >>"$RAW"
  else
    note "java failed or timed out: $label $*"; tail -5 "$INTEROP_WORK/java.log" >&2
  fi
}

# Rounds outer, clients inner (in an order that rotates each round): load from other work that
# comes and goes hits every client alike, instead of all rounds of whichever client runs then.
rotated() { # round names... -> the names, starting at position (round-1) mod count
  local r=$1; shift
  local a=("$@") n=$#
  local i
  for ((i = 0; i < n; i++)); do echo "${a[$(( (i + r - 1) % n ))]}"; done
}

case " $TESTS " in
  *" cold-"*) # build the command and its start-up cache now, outside the measured runs
    "$INET" --version >/dev/null 2>&1 || { echo "$INET --version failed" >&2; exit 1; } ;;
esac
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $LOAD_BEFORE"
for test in $TESTS; do
  case $test in
    download-http|download-https)
      if [ "$test" = download-http ]; then url=$HTTP_BASE/1g.bin; tls=(); else
        url=$HTTPS_BASE/1g.bin; tls=(--cacert "$NGINX_CA"); fi
      for r in $(seq "$ROUNDS"); do
        # shellcheck disable=SC2086
        for c in $(rotated "$r" curl $CLIENTS); do
          if over_budget; then note "skipped $test round $r $c: over the ${BUDGET} s budget"; continue; fi
          echo "== $test round $r: $c"
          if [ "$c" = curl ]; then
            curl_round "$test" "$r" download "$WARMUP" -s -S -f -o /dev/null -w '%{size_download}\n' "${tls[@]}" "$url"
          else
            java_round "$test" "$r" Download --client "$c" --url "$url" "${tls[@]}" --warmup "$WARMUP"
          fi
        done
      done
      ;;
    cold-http|cold-https)
      # Every client as one cold process, no warm-up: curl, `inet get` (launcher, AOT cache) and each Java client's
      # Download driver with --warmup 0 (JVM start-up, class loading and JIT all inside the measured time).
      if [ "$test" = cold-http ]; then url=$HTTP_BASE/1g.bin; tls=(); else
        url=$HTTPS_BASE/1g.bin; tls=(--cacert "$NGINX_CA"); fi
      # Untimed: nginx faults the sparse file in on its first read (~2 s), which must not count against whoever runs first.
      timeout 300 "${PIN1[@]}" curl -s -o /dev/null "${tls[@]}" "$url" || note "curl warm-up failed: $test"
      for r in $(seq "$ROUNDS"); do
        # shellcheck disable=SC2086
        for c in $(rotated "$r" curl inet-get $CLIENTS); do
          if over_budget; then note "skipped $test round $r $c: over the ${BUDGET} s budget"; continue; fi
          echo "== $test round $r: $c"
          case $c in
            curl) curl_round "$test" "$r" download 0 -s -S -f -o /dev/null -w '%{size_download}\n' "${tls[@]}" "$url" ;;
            inet-get) inet_round "$test" "$r" get -s -f -o /dev/null -w '%{size_download}\n' "${tls[@]}" "$url" ;;
            *) # timed from outside like the others (the driver's own timer starts after JVM start-up)
              # shellcheck disable=SC2086
              RUN_CLIENT=$c timeout 300 "${PIN1[@]}" python3 "$CURLRUN" "$test" "$r" "$NGINX_PIDS" download \
                  "$JAVA" $JAVA_FLAGS -cp "$JAR" io.inetkit.bench.http.Download --client "$c" --url "$url" "${tls[@]}" \
                  --warmup 0 --rounds 1 >>"$RAW" || note "$c cold round $r failed: $test" ;;
          esac
        done
      done
      ;;
    gets)
      url=$HTTP_BASE/1k.bin
      cfg=$INTEROP_WORK/curl-gets.cfg
      python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    for _ in range(int(sys.argv[2])):
        f.write('url = \"%s\"\noutput = \"/dev/null\"\n' % sys.argv[3])
" "$cfg" "$REQUESTS" "$url"
      for n in $CALLERS; do
        label=gets-$n
        par=(); [ "$n" -gt 1 ] && par=(--parallel --parallel-max "$n")
        for r in $(seq "$ROUNDS"); do
          # shellcheck disable=SC2086
          for c in $(rotated "$r" curl $CLIENTS); do
            if over_budget; then note "skipped $label round $r $c: over the ${BUDGET} s budget"; continue; fi
            echo "== $label round $r: $c"
            if [ "$c" = curl ]; then
              curl_round "$label" "$r" "$REQUESTS" 1 -s -S -f "${par[@]}" -w '%{http_code}\n' -K "$cfg"
            else
              java_round "$label" "$r" SmallGets --client "$c" --url "$url" --requests "$REQUESTS" --callers "$n" \
                --warmup "$GET_WARMUP"
            fi
          done
        done
      done
      ;;
    *) echo "unknown test $test" >&2; exit 1 ;;
  esac
done
ELAPSED=$((SECONDS - START))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# HTTP client benchmark, $STAMP UTC"
  echo
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -sr)"
  echo "- Server: $(nginx -v 2>&1 | sed 's/nginx version: //'), 1 worker, pinned to core 0; $([ "$CLIENT_CORES" = all ] && echo "clients not pinned (either core)" || echo "every client pinned to core 1"); loopback 127.0.0.1"
  echo "- curl: $(curl --version | head -1 | cut -d' ' -f1-2,5-6); JDK: $("$JAVA" -version 2>&1 | head -1); JVM flags \`$JAVA_FLAGS\`"
  echo "- Peers: Apache HttpClient 5.6.5 (classic), OkHttp 5.5.1, java.net.http (HTTP/1.1); each with its pool sized to the callers and the throwaway CA trusted its own way, host names verified"
  echo "- Downloads: GET of a 1 GiB file, body read through each client's InputStream with a 64 KiB buffer (curl: -o /dev/null); each round a fresh JVM per client: ${WARMUP} warm-up download(s), then one measured; curl: ${WARMUP} warm-up process(es), then one measured"
  echo "- Cold (cold-http, cold-https): each round every client is one fresh process with no warm-up, start-up inside the measured time: curl; \`inet get -o /dev/null\` through the \`./inet\` launcher (its AOT cache made beforehand, as after a user's first run); each Java client's Download driver with --warmup 0; all timed from outside the process (wall time from spawn to exit, CPU from rusage)"
  echo "- Small GETs: ${REQUESTS} GETs of a 1 KiB file per round over keep-alive, N caller (platform) threads on one client; each round a fresh JVM per client with ${GET_WARMUP} warm-up rounds of ${REQUESTS}, then one measured; curl: one process with ${REQUESTS} URLs in a -K config (--parallel --parallel-max N for N > 1), its start-up included"
  echo "- Medians of ${ROUNDS} rounds; rounds outer, clients inner in an order rotated each round. 'client CPU' is the client process's user+system time per round (JVM: all its threads, JIT and GC included); CPU per unit of work is the figure least disturbed by other load. 'heap alloc' counts bytes allocated by all JVM threads. 'other' is CPU used by everything except the client and nginx during the round, in cores (2 = the whole machine): noise from other work on this shared machine; throughput with 'other' near 1 or more is mostly a measure of that noise"
  echo "- Total wall time ${ELAPSED} s; load average before: $LOAD_BEFORE, after: $LOAD_AFTER; nice: $NICE"
  if [ -s "$INTEROP_WORK/notes" ]; then echo "- Notes:"; sed 's/^/  - /' "$INTEROP_WORK/notes"; fi
  echo
  python3 - "$RAW" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
order = ["curl", "inet-get", "inetkit", "apache", "okhttp", "jdk"]
names = {"curl": "curl", "inet-get": "`inet get` (launcher)", "inetkit": "inetkit", "apache": "Apache HttpClient 5", "okhttp": "OkHttp 5", "jdk": "java.net.http"}
tests = []
for r in rows:
    if r["test"] not in tests:
        tests.append(r["test"])
def is_download(t):
    return t.startswith("download") or t.startswith("cold")
def rate(r):
    return r["bytes"] / r["seconds"] / 1e6 if is_download(r["test"]) else r["requests"] / r["seconds"]
def fmt(x, d=2):
    return "n/a" if x is None else ("%.*f" % (d, x))
for t in tests:
    dl = is_download(t)
    unit = "MB/s" if dl else "req/s"
    title = {"download-http": "1 GiB download over HTTP", "download-https": "1 GiB download over HTTPS",
             "cold-http": "1 GiB over HTTP, each client one cold process (start-up included)",
             "cold-https": "1 GiB over HTTPS, each client one cold process (start-up included)"}.get(
        t, "%s: small GETs (1 KiB, keep-alive), %s caller(s)" % (t, t.split("-")[-1]))
    print("## " + title)
    print()
    print("| client | %s (median) | / curl | / Apache | client CPU s | CPU s per %s | CPU / curl's | heap alloc per %s | nginx CPU s | other (cores, max) | rounds (%s) |" % (
        unit, "GB" if dl else "1k req", "MB" if dl else "req", unit))
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    med = {}
    by = {}
    for c in order:
        rs = [r for r in rows if r["test"] == t and r["client"] == c]
        if rs:
            by[c] = rs
            med[c] = statistics.median(rate(r) for r in rs)
    def cpu_per_work(rs):
        return statistics.median(r["cpu_s"] / ((r["bytes"] / 1e9) if dl else (r["requests"] / 1000)) for r in rs)
    curl_cpu = cpu_per_work(by["curl"]) if "curl" in by else None
    for c in order:
        if c not in by:
            continue
        rs = by[c]
        cpu = statistics.median(r["cpu_s"] for r in rs)
        cpw = cpu_per_work(rs)
        al = [r["alloc_bytes"] / ((r["bytes"] / 1e6) if dl else r["requests"]) for r in rs if "alloc_bytes" in r]
        alloc = ("%.0f B" % statistics.median(al)) if al else "n/a"
        srv = [r.get("server_cpu_s") for r in rs if r.get("server_cpu_s") is not None]
        oth = [r.get("other_cores") for r in rs if r.get("other_cores") is not None]
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            names[c], fmt(med[c], 0), fmt(med[c] / med["curl"]) if "curl" in med else "n/a",
            fmt(med[c] / med["apache"]) if "apache" in med else "n/a",
            fmt(cpu, 3), fmt(cpw, 3), fmt(cpw / curl_cpu) if curl_cpu else "n/a", alloc,
            fmt(statistics.median(srv), 3) if srv else "n/a",
            fmt(max(oth)) if oth else "n/a", ", ".join("%.0f" % rate(r) for r in rs)))
    print()
PY
} >"$OUT"
cat "$OUT"
echo
echo "written: $OUT (raw: $RAW)"
