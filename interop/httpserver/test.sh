#!/usr/bin/env bash
# inetkit's HTTP server (`inet serve http`, `inet serve xmlrpc`) with real clients: curl,
# Python's urllib and xmlrpc.client, wrk; and `inet xmlrpc` against Python's xmlrpc.server.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$WORK"
INET="$REPO_ROOT/inet"

mkdir -p site/sub
printf '<h1>inetkit</h1>\n' > site/index.html
head -c 200000 /dev/urandom > site/blob.bin
printf 'plain text\n' > site/sub/a.txt
port=$(free_port)
start_bg serve-http.log "$INET" serve http --dir site --port "$port"; http_pid=$LAST_PID
wait_port "$port" 60
U="http://127.0.0.1:$port"

echo "httpserver: curl against inet serve http"
curl -sS -o page.html "$U/"; same_bytes "curl GET /" site/index.html page.html
curl -sS -o blob.bin "$U/blob.bin"; same_bytes "curl binary file" site/blob.bin blob.bin
code=$(curl -s -o part.bin -w '%{http_code}' -r 1000-1999 "$U/blob.bin")
head -c 2000 site/blob.bin | tail -c 1000 > want-part.bin
[[ "$code" == 206 ]] && pass "curl range: 206" || fail "curl range: $code"
same_bytes "curl range bytes" want-part.bin part.bin
# several ranges: one multipart/byteranges; Python's email parser checks every part against the file
curl -sS -D multi.h -o multi.body -r 0-99,5000-5099,-100 "$U/blob.bin"
if python3 - site/blob.bin multi.h multi.body <<'PY'
import email, email.policy, re, sys
blob = open(sys.argv[1], "rb").read(); head = open(sys.argv[2], "rb").read(); body = open(sys.argv[3], "rb").read()
status = head.split(b"\r\n", 1)[0]
assert b" 206 " in status, status
ctype = re.search(rb"(?im)^content-type: *(multipart/byteranges[^\r\n]*)", head).group(1)
length = int(re.search(rb"(?im)^content-length: *(\d+)", head).group(1))
assert length == len(body), (length, len(body))
msg = email.message_from_bytes(b"Content-Type: " + ctype + b"\r\n\r\n" + body, policy=email.policy.HTTP)
parts = list(msg.iter_parts())
assert len(parts) == 3, len(parts)
for part, (a, b) in zip(parts, [(0, 99), (5000, 5099), (len(blob) - 100, len(blob) - 1)]):
    assert part["Content-Range"] == "bytes %d-%d/%d" % (a, b, len(blob)), part["Content-Range"]
    assert part.get_payload(decode=True) == blob[a:b + 1], (a, b)
PY
then pass "curl several ranges: 206 multipart/byteranges, exact length, 3 parts match the file (Python's email parser)"
else fail "curl several ranges"; head -20 multi.h; fi
etag=$(curl -sI "$U/blob.bin" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$U/blob.bin")
[[ "$code" == 304 ]] && pass "curl If-None-Match: 304" || fail "If-None-Match: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "$U/../../etc/passwd")
[[ "$code" == 400 || "$code" == 404 ]] && pass "path traversal refused ($code)" || fail "traversal: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$U/%2e%2e/%2e%2e/etc/passwd")
[[ "$code" == 400 || "$code" == 404 ]] && pass "encoded traversal refused ($code)" || fail "encoded traversal: $code"
curl -s -w '%{num_connects}\n' -o /dev/null "$U/" -o /dev/null "$U/sub/a.txt" -o /dev/null "$U/blob.bin" > connects.txt
[[ "$(awk "{s+=\$1} END {print s}" connects.txt)" == 1 ]] && pass "curl reuses one keep-alive connection for 3 requests" \
  || fail "keep-alive: connects $(tr '\n' ' ' < connects.txt)"

echo "httpserver: Python's urllib against inet serve http"
python3 - "$U" <<'PY' > urllib.out
import json, sys, urllib.request
base = sys.argv[1]
print(urllib.request.urlopen(base + "/sub/a.txt").read().decode(), end="")
listing = json.load(urllib.request.urlopen(base + "/sub/?format=json"))
print(sorted(e["name"] for e in (listing["entries"] if isinstance(listing, dict) else listing)))
PY
printf "plain text\n['a.txt']\n" > want-urllib.out
same_bytes "urllib text file and JSON listing" want-urllib.out urllib.out

if true; then   # wrk is installed by interop/run
  wrk -t1 -c50 -d2s "$U/index.html" > wrk.out 2>&1 || true
  if grep -q "Requests/sec" wrk.out && ! grep -q "Non-2xx\|Socket errors" wrk.out; then
    pass "wrk: $(grep Requests/sec wrk.out | tr -s ' '), no errors"
  else fail "wrk"; cat wrk.out; fi
fi
stop_pid "$http_pid"
grep -q '"GET /sub/a.txt HTTP/1.1" 200 11' serve-http.log && pass "access log in Common Log Format" \
  || { fail "access log"; tail -3 serve-http.log; }

echo "httpserver: XML-RPC both ways with Python"
port=$(free_port)
start_bg serve-xmlrpc.log "$INET" serve xmlrpc --port "$port"; rpc_pid=$LAST_PID
wait_port "$port" 60
python3 - "$port" <<'PY' > py-client.out
import sys, xmlrpc.client
p = xmlrpc.client.ServerProxy("http://127.0.0.1:%s/RPC2" % sys.argv[1])
print(p.add(2, 3), p.upper("abc"), p.echo({"k": [1, 2.5, True, "s"]}))
m = xmlrpc.client.MultiCall(p); m.add(1, 1); m.multiply(3, 4)
print(list(m()))
try:
    p.divide(1, 0)
except xmlrpc.client.Fault as f:
    print("fault", f.faultCode, f.faultString)
PY
printf "5 ABC {'k': [1, 2.5, True, 's']}\n[2, 12]\nfault -32602 division by zero\n" > want-py-client.out
same_bytes "Python's xmlrpc.client against inet serve xmlrpc" want-py-client.out py-client.out
stop_pid "$rpc_pid"

port=$(free_port)
cat > pyserver.py <<'PY'
import sys
from xmlrpc.server import SimpleXMLRPCServer
s = SimpleXMLRPCServer(("127.0.0.1", int(sys.argv[1])), logRequests=False, allow_none=True)
s.register_introspection_functions()
s.register_function(lambda a, b: a + b, "add")
s.register_function(lambda x: x, "echo")
s.serve_forever()
PY
start_bg pyserver.log python3 pyserver.py "$port"; py_pid=$LAST_PID
wait_port "$port"
"$INET" xmlrpc "http://127.0.0.1:$port/" add 40 2 > our-client.out
"$INET" xmlrpc "http://127.0.0.1:$port/" echo '{"a":[1,2]}' | tr -d ' \n' >> our-client.out
printf '42\n{"a":[1,2]}' > want-our-client.out
same_bytes "inet xmlrpc against Python's SimpleXMLRPCServer" want-our-client.out our-client.out
stop_pid "$py_pid"
finish
