#!/usr/bin/env bash
# `inet get`'s forms, cookies and --resolve with real peers: Python's email package parses the
# -F forms, which must equal curl's for the same arguments; curl reads the cookie files that
# `inet get -c` writes and `inet get -b` reads curl's; Python's http.cookiejar loads ours; over a
# Unix domain socket, the same answer as curl's.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$WORK"
INET="$REPO_ROOT/inet"
port=$(free_port)
start_bg peer.log python3 "$INTEROP_ROOT/curlopts/peer.py" "$port"
wait_port "$port" 20
U="http://127.0.0.1:$port"

echo "curlopts: -F forms parsed by Python's email package, next to curl's"
head -c 300000 /dev/urandom > upload.bin
printf 'field read from a file\n' > value.txt
form=(-F 'title=Holiday at "the" sea' -F 'we"ird=1' -F "photo=@upload.bin"
      -F "renamed=@upload.bin;filename=other.dat;type=image/png" -F "note=<value.txt")
"$INET" get -s "${form[@]}" "$U/form" > inet-form.json
curl -sS "${form[@]}" "$U/form" > curl-form.json
if python3 - inet-form.json curl-form.json <<'PY'
import json, sys
ours, curls = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(0 if ours == curls and len(ours) == 5 and ours[2]["size"] == 300000 else 1)
PY
then pass "the same five parts as curl's form (names, file names, types, sizes, SHA-256)"
else fail "the forms differ"; cat inet-form.json; echo; cat curl-form.json; echo; fi

# has_cookies FILE WANT: the peer's echo of the Cookie header holds exactly these name=value pairs
has_cookies() {
  python3 - "$1" "$2" <<'PY'
import json, sys
sent = json.load(open(sys.argv[1]))["Cookie"]
got = sorted(c.strip() for c in sent.split(";") if c.strip())
sys.exit(0 if got == sorted(sys.argv[2].split()) else 1)
PY
}

echo "curlopts: cookie files shared with curl and Python's http.cookiejar"
"$INET" get -s -c inet.jar -o /dev/null "$U/set"
curl -sS -b inet.jar "$U/echo" > curl-sent.json
has_cookies curl-sent.json "keep=k1 session=s1" && pass "curl -b reads the file inet get -c wrote" \
  || { fail "curl -b with our jar"; cat inet.jar curl-sent.json; }
curl -sS -c curl.jar -o /dev/null "$U/set"
"$INET" get -s -b curl.jar "$U/echo" > inet-sent.json
has_cookies inet-sent.json "keep=k1 session=s1" && pass "inet get -b reads the file curl -c wrote" \
  || { fail "inet get -b with curl's jar"; cat curl.jar inet-sent.json; }
"$INET" get -s -j -b curl.jar "$U/echo" > junked.json
has_cookies junked.json "keep=k1" && pass "-j drops curl's session cookie" || { fail "-j"; cat junked.json; }
# Python reads a session cookie's expiry 0 (curl's convention) as long expired: ignore_expires
if python3 - inet.jar curl.jar <<'PY'
import http.cookiejar, sys, time
def load(path):
    jar = http.cookiejar.MozillaCookieJar()
    jar.load(path, ignore_discard=True, ignore_expires=True)
    return {c.name: (c.value, c.domain, c.path, c.secure, c.expires > time.time(), c.expires == 0) for c in jar}
ours, curls = load(sys.argv[1]), load(sys.argv[2])
sys.exit(0 if ours == curls and sorted(ours) == ["keep", "session"] else 1)
PY
then pass "Python's MozillaCookieJar reads our jar as it reads curl's"; else fail "MozillaCookieJar"; cat inet.jar curl.jar; fi

echo "curlopts: --resolve and -e"
"$INET" get -s --resolve "www.example.test:$port:127.0.0.1" -e "http://from.test/" \
  "http://www.example.test:$port/echo" > resolved.json
python3 - resolved.json "$port" <<'PY' && pass "--resolve pins the name to loopback, Host and Referer as given" || { fail "--resolve"; cat resolved.json; }
import json, sys
h = json.load(open(sys.argv[1]))
sys.exit(0 if h["Host"] == "www.example.test:" + sys.argv[2] and h["Referer"] == "http://from.test/" else 1)
PY

echo "curlopts: --unix-socket against Python's http.server on a Unix domain socket"
sock="$WORK/peer.sock"
start_bg peer-unix.log python3 "$INTEROP_ROOT/curlopts/peer.py" "$sock"
for _ in $(seq 100); do [[ -S "$sock" ]] && break; sleep 0.1; done
"$INET" get -s --unix-socket "$sock" -w '\n%{http_code} %{remote_ip}' "http://docker.test/echo" > unix-inet.out
curl -sS --unix-socket "$sock" -w '\n%{http_code} %{remote_ip}' "http://docker.test/echo" > unix-curl.out
same_bytes "the same answer and -w line as curl's over the socket" unix-curl.out unix-inet.out
grep -q '"Host": "docker.test"' unix-inet.out && pass "Host from the URL, name never resolved" \
  || { fail "Host over the Unix socket"; cat unix-inet.out; }

finish
