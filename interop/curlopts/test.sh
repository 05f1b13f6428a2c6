#!/usr/bin/env bash
# `inet get`'s forms, cookies and --resolve with real peers: Python's email package parses the
# -F forms, which must equal curl's for the same arguments; curl reads the cookie files that
# `inet get -c` writes and `inet get -b` reads curl's; Python's http.cookiejar loads ours; over a
# Unix domain socket, the same answer as curl's. Options for several URLs, request bodies, -R, -z,
# --limit-rate and --fail-early run with curl and with `inet get` against the same peer, which logs
# each request (its connection, path, Content-Type, conditional headers and body) for comparison.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$WORK"
INET="$REPO_ROOT/inet"
port=$(free_port)
REQLOG="$WORK/requests.log"
start_bg peer.log python3 "$INTEROP_ROOT/curlopts/peer.py" "$port" "$REQLOG"
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

# Both tools bounded twice: their own -m, and timeout(1) should they hang anyway.
curl_t() { timeout 30 curl -m 20 "$@"; }
inet_t() { timeout 30 "$INET" get -m 20 "$@"; }

# requests FIELD...: the peer's log since it was last emptied, one request a line, its FIELDs
requests() {
  python3 - "$REQLOG" "$@" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    entry = json.loads(line)
    print(" ".join("%s=%s" % (f, entry[f]) for f in sys.argv[2:]))
PY
}

# same_request NAME FIELDS ARGS...: curl and inet get, each with -sS ARGS (and in that order),
# must make the same requests (the peer's log, FIELDS comma-separated), exit with the same code and
# write the same stdout; each tool's in got-curl and got-inet (request lines, rc=N, stdout)
same_request() {
  local name=$1 fields tool rc; IFS=, read -ra fields <<< "$2"; shift 2
  for tool in curl inet; do
    : > "$REQLOG"; rc=0
    "${tool}_t" -sS "$@" > "out-$tool" 2> "err-$tool" || rc=$?
    { requests "${fields[@]}"; echo "rc=$rc"; cat "out-$tool"; } > "got-$tool"
  done
  same_bytes "$name" got-curl got-inet
}

# mtime FILE: its modification time in seconds
mtime() { stat -c %Y "$1"; }

echo "curlopts: several URLs in one command, next to curl's"
# multi TOOL: `TOOL U1 -o f1 U2 U3 -o f3` in the folder multi-TOOL: f1, f3, stdout, rc, requests
multi() {
  local tool=$1 rc=0
  mkdir -p "multi-$tool"; : > "$REQLOG"
  (cd "multi-$tool" && "${tool}_t" -sS "$U/item/1" -o f1 "$U/item/2" "$U/item/3" -o f3 > stdout 2> stderr) || rc=$?
  echo "$rc" > "multi-$tool/rc"
  requests conn path > "multi-$tool/requests"
}
multi curl; multi inet
( cd multi-curl && ls ) > multi-curl.files; ( cd multi-inet && ls ) > multi-inet.files
same_bytes "the same files as curl's (f1, f3, stdout, rc, the log)" multi-curl.files multi-inet.files
for f in f1 f3 stdout rc; do same_bytes "  $f: the same bytes as curl's" "multi-curl/$f" "multi-inet/$f"; done
# each -o is for the next URL in order, wherever it stands: f1 gets item/1, f3 item/2, stdout item/3
grep -qx 'item 1' multi-inet/f1 && grep -qx 'item 2' multi-inet/f3 && grep -qx 'item 3' multi-inet/stdout \
  && pass "each -o for the next URL in order (f1: item/1, f3: item/2), the unpaired item/3 on stdout" \
  || { fail "-o pairing"; head -n1 multi-inet/f1 multi-inet/f3 multi-inet/stdout; }
cut -d' ' -f2 multi-inet/requests > multi-inet.paths; cut -d' ' -f2 multi-curl/requests > multi-curl.paths
same_bytes "the same requests in the same order as curl's" multi-curl.paths multi-inet.paths
conns() { cut -d' ' -f1 "$1" | sort -u | wc -l; }
inet_conns=$(conns multi-inet/requests); curl_conns=$(conns multi-curl/requests)
[[ $inet_conns == 1 ]] && pass "inet get: 3 URLs on one host over 1 connection" \
  || { fail "inet get used $inet_conns connections for 3 URLs"; cat multi-inet/requests; }
if [[ $curl_conns == 1 ]]; then pass "curl: 3 URLs over 1 connection too"; else
  echo "  note  curl used $curl_conns connections for the 3 URLs (inet get: $inet_conns)"; fi
refused="http://127.0.0.1:$(free_port)/nothing-listens"
same_request "(ok, refused): the same stdout and exit code as curl's, the last transfer's" path \
  "$U/item/1" "$refused"
grep -qx 'rc=7' got-inet && pass "  exit 7" || { fail "(ok, refused) exit code"; cat got-inet; }
same_request "(refused, ok): the same stdout and exit code as curl's, the last transfer's" path \
  "$refused" "$U/item/1"
grep -qx 'rc=0' got-inet && pass "  exit 0" || { fail "(refused, ok) exit code"; cat got-inet; }

echo "curlopts: request bodies (--data-raw, -d with CR/LF), the peer's log next to curl's"
printf 'a=1\r\nb=2\n\r\nc\n' > crlf.txt
same_request "--data-raw '@notafile&x=1': the same body and Content-Type as curl's" type,body \
  --data-raw '@notafile&x=1' "$U/body"
grep -q "body=$(printf '@notafile&x=1' | od -An -tx1 | tr -d ' \n')$" got-inet \
  && pass "  the leading @ is data" || { fail "--data-raw body"; cat got-inet; }
same_request "-d with CR/LF in the text: the same body and Content-Type as curl's" type,body \
  -d $'a=1\r\nb=2\n' "$U/body"
grep -q 'body=613d310d0a623d320a$' got-inet && pass "  CR and LF kept" || { fail "-d CR/LF body"; cat got-inet; }
same_request "-d @file with CR/LF: the same body as curl's (CR and LF dropped)" type,body \
  -d @crlf.txt "$U/body"

echo "curlopts: -R and -z against the peer's Last-Modified"
last_modified=$(date -u -d 'Wed, 01 Sep 2021 12:18:00 GMT' +%s)  # peer.py's LAST_MODIFIED
old_time=$(date -u -d '2020-01-01 00:00:00' +%s)
curl_t -sS -R -o R-curl.out "$U/dated"; inet_t -sS -R -o R-inet.out "$U/dated"
same_bytes "-R: the same file as curl's" R-curl.out R-inet.out
[[ $(mtime R-curl.out) == "$last_modified" && $(mtime R-inet.out) == "$last_modified" ]] \
  && pass "-R: both files modified at the Last-Modified time ($last_modified)" \
  || fail "-R times: curl $(mtime R-curl.out), inet $(mtime R-inet.out), Last-Modified $last_modified"
touch -d "@$last_modified" same.time; touch -d '2021-08-01 00:00:00 UTC' older.time
for tool in curl inet; do printf 'old\n' > "keep-$tool"; touch -d "@$old_time" "keep-$tool"; done
for tool in curl inet; do
  : > "$REQLOG"; "${tool}_t" -sS -z same.time -o "keep-$tool" -w '%{http_code}' "$U/dated" > "code-$tool"
  requests ims ius >> "code-$tool"
done
same_bytes "-z FILE (not modified since): the same If-Modified-Since and -w code as curl's" code-curl code-inet
grep -q "^304ims=Wed, 01 Sep 2021 12:18:00 GMT ius=None$" code-inet && pass "  304, the file's time as an HTTP date" \
  || { fail "-z FILE request"; cat code-inet; }
for tool in curl inet; do
  if [[ $(cat "keep-$tool") == old && $(mtime "keep-$tool") == "$old_time" ]]; then
    pass "  304: $tool left the existing -o file as it was (content and time)"
  else fail "304: $tool changed keep-$tool ($(mtime "keep-$tool"), $(head -c 40 "keep-$tool"))"; fi
done
same_request "-z FILE (older file): the same If-Modified-Since, 200 and body as curl's" ims,ius \
  -z older.time -w '%{http_code}' "$U/dated"
same_request "-z DATE: the same If-Modified-Since as curl's" ims,ius \
  -z 'Wed, 01 Sep 2021 12:18:00 GMT' -o /dev/null -w '%{http_code}' "$U/dated"
same_request "-z '-DATE' (unmodified since, equal): the same If-Unmodified-Since and code as curl's" ims,ius \
  -z '-1 Sep 2021 12:18' -o /dev/null -w '%{http_code}' "$U/dated"
same_request "-z '-DATE' (modified after): the same If-Unmodified-Since and 412 as curl's" ims,ius \
  -z '-20210801' -o /dev/null -w '%{http_code}' "$U/dated"
grep -qx 'ims=None ius=Sun, 01 Aug 2021 00:00:00 GMT' got-inet && grep -qx '412' got-inet \
  && pass "  If-Unmodified-Since: Sun, 01 Aug 2021 00:00:00 GMT, 412" || { fail "-z -DATE request"; cat got-inet; }

echo "curlopts: --limit-rate 200k on a 600 KiB download"
# ms TOOL FILE: download /big to FILE at 200 KiB/s, print the milliseconds it took
ms() {
  local start end
  start=$(date +%s%N); "${1}_t" -sS --limit-rate 200k -o "$2" "$U/big"; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
curl_ms=$(ms curl big-curl); inet_ms=$(ms inet big-inet)
same_bytes "--limit-rate: the same $(stat -c %s big-inet) bytes as curl's" big-curl big-inet
echo "  info  curl took $curl_ms ms, inet get $inet_ms ms (614400 bytes at 204800 B/s: 3000 ms)"
(( inet_ms >= 2500 )) && pass "inet get took at least 2.5 s (README: averaged from the transfer's start)" \
  || fail "inet get --limit-rate 200k took only $inet_ms ms"
if (( curl_ms >= 2500 )); then pass "curl took at least 2.5 s too"; else
  echo "  KNOWN DIFFERENCE  curl 7.88 took $curl_ms ms: it averages its limit over several seconds and did" \
    "not slow this short loopback transfer; inet get limits from the start (README)"; fi

echo "curlopts: --fail-early with a 404 first"
same_request "-f --fail-early: the same requests, exit code and stdout as curl's" path \
  -f --fail-early "$U/missing" "$U/item/1"
[[ $(cat got-inet) == $'path=/missing\nrc=22' ]] && pass "  exit 22, the second URL never requested" \
  || { fail "--fail-early"; cat got-inet; }

echo "curlopts: credentials from a .netrc file, next to curl's"
# Entries spread over lines, a quoted password with a space, a default entry; 127.0.0.1 must match.
printf 'machine other.example login nobody password nothing\nmachine 127.0.0.1\n  login ada password "love lace"\ndefault login anon password guest\n' > netrc
chmod 600 netrc
same_request "--netrc-file: the same Authorization as curl's" path,auth --netrc-file netrc "$U/item/1"
grep -q "auth=Basic $(printf 'ada:love lace' | base64)" got-inet && pass "  Basic ada:love lace (the quoted password)" \
  || { fail "--netrc-file credentials"; cat got-inet; }
# -u wins over the file, as in curl
same_request "--netrc-file with -u: the same Authorization as curl's (-u wins)" path,auth --netrc-file netrc -u bob:pw "$U/item/2"

# After a redirect to another host (-L), each host gets its own entry, as in curl; never the first's.
printf 'machine 127.0.0.1 login ada password one\nmachine localhost login lou password two\n' > netrc2
chmod 600 netrc2
same_request "-L --netrc-file across hosts: the same requests and Authorization as curl's" path,host,auth \
  -L --netrc-file netrc2 "$U/to?http://localhost:$port/item/3"
grep -q "path=/item/3 host=localhost:$port auth=Basic $(printf 'lou:two' | base64)" got-inet \
  && pass "  the followed-to host gets its own entry (lou), not the first host's" \
  || { fail "netrc after a redirect"; cat got-inet; }

finish
