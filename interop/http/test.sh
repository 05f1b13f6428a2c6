#!/usr/bin/env bash
# inetkit's HTTP client (`inet get`) against nginx: keep-alive, chunked gzip, redirects,
# HTTPS with a throwaway CA, Basic auth, ranges and resume, a 1 GiB file.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
source "$INTEROP_ROOT/http/nginx.sh"
cd "$WORK"
INET="$REPO_ROOT/inet"
setup_nginx
H="http://127.0.0.1:$NGINX_HTTP"
S="https://localhost:$NGINX_HTTPS"
HTML="$WORK/nginx/html"

# expect_exit CODE NAME -- command...: the command must exit with CODE.
expect_exit() {
  local want=$1 name=$2; shift 3
  local got=0
  "$@" >"$WORK/out.last" 2>"$WORK/err.last" || got=$?
  if [[ "$got" == "$want" ]]; then pass "$name (exit $got)"; else
    fail "$name: exit $got, wanted $want"; head -5 "$WORK/err.last"; fi
}

echo "http: inet get against nginx"
"$INET" get -s "$H/index.html" > page.html
same_bytes "GET a page" "$HTML/index.html" page.html

"$INET" get -s -o random.bin "$H/random.bin"
same_bytes "binary download with -o" "$HTML/random.bin" random.bin

"$INET" get -s --compressed "$H/gz/big.txt" > big.txt
same_bytes "chunked gzip decoded (--compressed)" "$HTML/gz/big.txt" big.txt
"$INET" get -s -v --compressed -o /dev/null "$H/gz/big.txt" 2> gz.head
if grep -qi '^< content-encoding: gzip' gz.head && grep -qi '^< transfer-encoding: chunked' gz.head; then
  pass "nginx really answered chunked gzip"; else fail "nginx did not answer chunked gzip"; cat gz.head; fi

"$INET" get -s -L "$H/moved" > redirected.html
same_bytes "301 then 302 followed with -L" "$HTML/index.html" redirected.html
code=$("$INET" get -s -o /dev/null -w '%{http_code}' "$H/redirect")
[[ "$code" == "302" ]] && pass "without -L the 302 is the answer" || fail "without -L: got $code"
expect_exit 47 "redirect loop stops (curl's 47)" -- "$INET" get -s -L "$H/loop"

"$INET" get -s --cacert "$NGINX_CA" "$S/index.html" > tls.html
same_bytes "HTTPS verified against the throwaway CA" "$HTML/index.html" tls.html
expect_exit 60 "HTTPS with an unknown CA is refused (curl's 60)" -- "$INET" get -s "$S/index.html"
expect_exit 0 "-k skips verification" -- "$INET" get -s -k "$S/index.html"
expect_exit 60 "host name mismatch is refused" -- "$INET" get -s --cacert "$NGINX_CA" \
  "https://127.0.0.1:$NGINX_HTTPS/index.html"

"$INET" get -s -u ada:lovelace "$H/private/" > private.html
same_bytes "Basic auth" "$HTML/private/index.html" private.html
expect_exit 22 "-f on 401 (curl's 22)" -- "$INET" get -s -f "$H/private/"

head -c 100000 "$HTML/random.bin" > resumed.bin
"$INET" get -s -C - -o resumed.bin "$H/random.bin"
same_bytes "resume with -C - (Range)" "$HTML/random.bin" resumed.bin

size=$("$INET" get -s -o /dev/null -w '%{size_download}' "$H/1g.bin")
[[ "$size" == "1073741824" ]] && pass "1 GiB download" || fail "1 GiB download: $size bytes"

finish
