# Sourced by test.sh: a private nginx on loopback (HTTP and HTTPS) serving $WORK/nginx/html,
# with gzip (so nginx answers chunked), redirects, Basic auth and a 1 GiB file.
# Sets NGINX_HTTP, NGINX_HTTPS (ports) and NGINX_CA (the throwaway CA's certificate).

setup_nginx() {
  local d="$WORK/nginx"
  mkdir -p "$d/html/gz" "$d/html/private" "$d/logs" "$d/tmp"
  NGINX_HTTP=$(free_port); NGINX_HTTPS=$(free_port)

  # Content: a page, a text file large enough for gzip, a protected page, a sparse 1 GiB file.
  printf '<html><body><h1>inetkit interop</h1></body></html>\n' > "$d/html/index.html"
  python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    for i in range(20000):
        f.write('line %06d: the quick brown fox jumps over the lazy dog\n' % i)
" "$d/html/gz/big.txt"
  echo "secret page" > "$d/html/private/index.html"
  truncate -s 1G "$d/html/1g.bin"
  head -c 300000 /dev/urandom > "$d/html/random.bin"
  printf 'ada:%s\n' "$(openssl passwd -apr1 'lovelace')" > "$d/htpasswd"

  # A throwaway CA and a certificate for the name localhost only (so that https://127.0.0.1
  # is a host-name mismatch), made here, never committed.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=inetkit interop CA" \
    -keyout "$d/ca.key" -out "$d/ca.pem" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$d/ext.cnf"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
    -extfile "$d/ext.cnf" -out "$d/server.pem" 2>/dev/null
  NGINX_CA="$d/ca.pem"

  cat > "$d/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $d/nginx.pid;
error_log $d/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log $d/logs/access.log;
  client_body_temp_path $d/tmp/body;
  proxy_temp_path $d/tmp/proxy;
  fastcgi_temp_path $d/tmp/fastcgi;
  uwsgi_temp_path $d/tmp/uwsgi;
  scgi_temp_path $d/tmp/scgi;
  types { text/html html; text/plain txt; application/octet-stream bin; }
  default_type application/octet-stream;
  keepalive_requests 10000;
  server {
    listen 127.0.0.1:$NGINX_HTTP;
    listen 127.0.0.1:$NGINX_HTTPS ssl;
    ssl_certificate $d/server.pem;
    ssl_certificate_key $d/server.key;
    root $d/html;
    location /gz/ { gzip on; gzip_types text/plain; gzip_min_length 1; }
    location = /redirect { return 302 /index.html; }
    location = /moved { return 301 /redirect; }
    location = /loop { return 302 /loop; }
    location /private/ { auth_basic "inetkit"; auth_basic_user_file $d/htpasswd; }
  }
}
CONF
  # nginx's workers run as an unprivileged user when started as root: let them read.
  chmod a+rx "$WORK"; chmod -R a+rX "$d/html"; chmod a+r "$d/htpasswd"; chmod a+rx "$d"
  start_bg "$d/logs/stdout.log" nginx -p "$d" -c "$d/nginx.conf"
  wait_port "$NGINX_HTTP" && wait_port "$NGINX_HTTPS"
}
