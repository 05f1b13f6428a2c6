#!/usr/bin/env bash
# The tutorial's greeting programs, ours against Python's, both ways, compared byte
# for byte with Python against Python.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$WORK"
INET="$REPO_ROOT/inet"
G="$INTEROP_ROOT/greet"
normalise() { sed -E 's/:[0-9]+/:PORT/g' "$1"; }

echo "greet: Python client against Python server (the reference)"
port=$(free_port)
start_bg py-server.log python3 -u "$G/server.py" "$port"; pyserver=$LAST_PID
wait_port "$port"
python3 "$G/client.py" "$port" > ref-client.out
"$INET" greet --port "$port" > our-client.out
same_bytes "our client prints what the tutorial's client prints" ref-client.out our-client.out
"$INET" greet --port "$port" 'Grüße' '你好' > our-utf8.out
printf 'Welcome!\nHello, Grüße!\nHello, 你好!\n' > want-utf8.out
same_bytes "UTF-8 messages reach Python's server and come back" want-utf8.out our-utf8.out
stop_pid "$pyserver"

echo "greet: Python client against our server"
port=$(free_port)
start_bg our-server.log "$INET" greet serve --port "$port"; ourserver=$LAST_PID
wait_port "$port"
python3 "$G/client.py" "$port" > py-client-ours.out
same_bytes "Python's client sees our server as the tutorial's" ref-client.out py-client-ours.out
stop_pid "$ourserver"
# The reference logged three conversations (Python's client first); ours logged one.
normalise py-server.log | head -3 > ref-server.log
normalise our-server.log > our-server-norm.log
same_bytes "our server logs what the tutorial's server logs" ref-server.log our-server-norm.log

echo "greet: Ctrl-C stops our server cleanly"
cat > sigint.py <<'PY'
import signal, subprocess, sys
# A terminal's Ctrl-C: SIGINT to a process whose SIGINT is not ignored (background jobs ignore it).
p = subprocess.Popen([sys.argv[1], "greet", "serve", "--port", sys.argv[2]], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
line = p.stderr.readline()
p.send_signal(signal.SIGINT)
try:
    out, err = p.communicate(timeout=20)
except subprocess.TimeoutExpired:
    p.kill(); print("did not stop within 20 s"); sys.exit(1)
err = line + err
ok = p.returncode == 130 and "Exception" not in err and "stopped after 0 connection(s)" in err
print("exit", p.returncode, repr(err))
sys.exit(0 if ok else 1)
PY
port=$(free_port)
if python3 sigint.py "$INET" "$port" > sigint.out; then pass "Ctrl-C: exit 130, one line, no stack trace"; else fail "Ctrl-C"; cat sigint.out; fi
finish
