# Shared helpers of the interop suite: loopback ports, daemons started and stopped
# by their own PIDs, and byte-for-byte comparisons. Sourced by each suite's test.sh.

INTEROP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INTEROP_ROOT/.." && pwd)"
if [[ -n "${INTEROP_WORK:-}" ]]; then WORK=$INTEROP_WORK; WORK_OWNED=""; else
  WORK=$(mktemp -d /tmp/inetkit-interop.XXXXXX); WORK_OWNED=yes; fi
PIDS=()
FAILURES=0

# A free TCP port on 127.0.0.1, below the kernel's ephemeral range (32768-60999 here), so
# that outgoing connections of a busy machine cannot take it before the daemon binds it.
free_port() {
  python3 - <<'PY'
import random, socket
for _ in range(200):
    port = random.randint(20000, 32000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        print(port)
        break
    except OSError:
        pass
    finally:
        s.close()
else:
    raise SystemExit("no free port found in 20000-32000")
PY
}

# Wait (at most $2 seconds, default 20) until something listens on TCP port $1. It reads
# the kernel's socket tables instead of connecting, so the server sees no probe connection.
wait_port() {
  local port=$1 deadline=$((SECONDS + ${2:-20}))
  until python3 - "$port" <<'PY'
import sys
port = int(sys.argv[1])
for table in ("/proc/net/tcp", "/proc/net/tcp6"):
    try:
        rows = open(table).read().splitlines()[1:]
    except OSError:
        continue
    for row in rows:
        f = row.split()
        if f[3] == "0A" and int(f[1].rsplit(":", 1)[1], 16) == port:
            sys.exit(0)
sys.exit(1)
PY
  do
    if (( SECONDS >= deadline )); then echo "interop: nothing listens on port $port" >&2; return 1; fi
    sleep 0.1
  done
}

# Start a daemon in the background, stdout to $1 and stderr to $1.err, remember its PID;
# the rest is the command.
start_bg() {
  local log=$1; shift
  "$@" </dev/null >>"$log" 2>>"$log.err" &
  PIDS+=($!)
  LAST_PID=$!
}

# Stop what we started, by PID only.
stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
# Stop our daemons; remove our work folder unless a check failed (then it is kept to look at).
cleanup() {
  local status=$? pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if [[ -n "$WORK_OWNED" && "$status" == 0 && "$FAILURES" == 0 ]]; then rm -rf "$WORK"; else
    [[ -n "$WORK_OWNED" ]] && echo "interop: kept $WORK to look at" >&2; fi
  return "$status"
}
trap cleanup EXIT

pass() { echo "  ok    $*"; }
fail() { echo "  FAIL  $*"; FAILURES=$((FAILURES + 1)); }

# Compare two files byte for byte; show the difference on failure.
same_bytes() {
  local name=$1 expected=$2 actual=$3
  if cmp -s "$expected" "$actual"; then pass "$name"; else
    fail "$name"; diff <(od -c "$expected") <(od -c "$actual") | head -20
  fi
}

finish() {
  if (( FAILURES > 0 )); then echo "interop: $FAILURES check(s) failed"; exit 1; fi
}
