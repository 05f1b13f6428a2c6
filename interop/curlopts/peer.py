"""A loopback HTTP peer from Python's standard library for `inet get`'s options next to curl's.

GET  /set       sets two cookies (one persistent, one session) and answers "set"
GET  /echo      answers the request's Cookie, Host and Referer headers as JSON
GET  /item/N    a small body that names N (several URLs in one command)
GET  /dated     a body with a fixed Last-Modified (LAST_MODIFIED); answers 304 to an
                If-Modified-Since not before it and 412 to an If-Unmodified-Since before it
GET  /big       BIG_SIZE fixed pseudo-random bytes (--limit-rate)
GET  /to?URL    a 302 to URL (the rest of the target, as it is)
POST /form      parses multipart/form-data with the email package and answers each part
                (name, filename, type, size, sha256) as JSON
POST /body      answers "ok"; the body is in the request log
Anything else is a 404.
Usage: peer.py PORT [LOG], or peer.py SOCKET-PATH [LOG] for the same on a Unix domain socket.
With LOG, every request appends one JSON line to that file: the connection's number (counted
from 1 by the server), method, path, Host, Content-Type, If-Modified-Since, If-Unmodified-Since,
Authorization and the body in hex; the line is written before the answer, so it is there when the client exits.
"""
import email.parser
import email.policy
import email.utils
import hashlib
import json
import random
import socket
import socketserver
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 16 << 20
LAST_MODIFIED = "Wed, 01 Sep 2021 12:18:00 GMT"
BIG_SIZE = 600 * 1024
BIG = random.Random(7).randbytes(BIG_SIZE)


def http_date(value):
    """The time of an HTTP date in seconds, or None when it is missing or unreadable."""
    try:
        return email.utils.parsedate_to_datetime(value).timestamp() if value else None
    except (TypeError, ValueError):
        return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.connection_number = self.server.count_connection()

    def record(self, body=b""):
        self.server.record({"conn": self.connection_number, "method": self.command, "path": self.path,
                            "host": self.headers.get("Host"),
                            "type": self.headers.get("Content-Type"),
                            "ims": self.headers.get("If-Modified-Since"),
                            "ius": self.headers.get("If-Unmodified-Since"),
                            "auth": self.headers.get("Authorization"),
                            "body": body.hex()})

    def answer(self, body, headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(200)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def dated(self):
        modified = http_date(LAST_MODIFIED)
        since = http_date(self.headers.get("If-Modified-Since"))
        unmodified = http_date(self.headers.get("If-Unmodified-Since"))
        if since is not None and modified <= since:
            self.send_response(304)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.end_headers()
        elif unmodified is not None and modified > unmodified:
            self.send_error(412)
        else:
            self.answer(b"dated body\n" * 100, [("Last-Modified", LAST_MODIFIED)])

    def do_GET(self):
        self.record()
        if self.path.startswith("/item/") and self.path[6:].isdigit():
            self.answer(("item %s\n" % self.path[6:]) * 1000)
        elif self.path == "/dated":
            self.dated()
        elif self.path == "/big":
            self.answer(BIG, [("Content-Type", "application/octet-stream")])
        elif self.path.startswith("/to?"):
            self.send_response(302)
            self.send_header("Location", self.path[4:])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/set":
            self.answer("set", [("Set-Cookie", "keep=k1; Path=/; Max-Age=3600; HttpOnly"),
                                ("Set-Cookie", "session=s1; Path=/")])
        elif self.path == "/echo":
            self.answer(json.dumps({h: self.headers.get(h, "") for h in ("Cookie", "Host", "Referer")}))
        else:
            self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        if self.path not in ("/form", "/body") or not 0 <= length <= MAX_BODY:
            self.record()
            self.send_error(400)
            return
        raw = self.rfile.read(length)
        self.record(raw)
        if self.path == "/body":
            self.answer("ok")
            return
        head = b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n"
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + raw)
        parts = []
        for part in message.iter_parts():
            payload = part.get_payload(decode=True) or b""
            parts.append({"name": part.get_param("name", header="content-disposition"),
                          "filename": part.get_filename(),
                          "type": part.get("Content-Type"),
                          "size": len(payload),
                          "sha256": hashlib.sha256(payload).hexdigest()})
        self.answer(json.dumps(parts, sort_keys=True))


class PeerServer(ThreadingHTTPServer):
    """Counts its connections and appends each request to the log file, if one is given."""

    def __init__(self, address, handler, log_path=None):
        self.log_path = log_path
        self.lock = threading.Lock()
        self.connections = 0
        super().__init__(address, handler)

    def count_connection(self):
        with self.lock:
            self.connections += 1
            return self.connections

    def record(self, entry):
        if self.log_path:
            with self.lock, open(self.log_path, "a") as log:
                log.write(json.dumps(entry) + "\n")


class UnixHTTPServer(PeerServer):
    """The same handler on a Unix domain socket (curl's --unix-socket peer)."""
    address_family = socket.AF_UNIX

    def server_bind(self):
        socketserver.TCPServer.server_bind(self)  # HTTPServer's would ask for a host name and port
        self.server_name, self.server_port = "unix", 0

    def get_request(self):
        conn, _ = self.socket.accept()
        return conn, ("unix", 0)  # the handler logs and reads client_address as (host, port)


log_file = sys.argv[2] if len(sys.argv) > 2 else None
if sys.argv[1].isdigit():
    PeerServer(("127.0.0.1", int(sys.argv[1])), Handler, log_file).serve_forever()
else:
    UnixHTTPServer(sys.argv[1], Handler, log_file).serve_forever()
