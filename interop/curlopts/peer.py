"""A loopback HTTP peer from Python's standard library for `inet get`'s forms and cookies.

GET  /set       sets two cookies (one persistent, one session) and answers "set"
GET  /echo      answers the request's Cookie, Host and Referer headers as JSON
POST /form      parses multipart/form-data with the email package and answers each part
                (name, filename, type, size, sha256) as JSON
Usage: peer.py PORT, or peer.py SOCKET-PATH for the same on a Unix domain socket
"""
import email.parser
import email.policy
import hashlib
import json
import socket
import socketserver
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 16 << 20


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, body, headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(200)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/set":
            self.answer("set", [("Set-Cookie", "keep=k1; Path=/; Max-Age=3600; HttpOnly"),
                                ("Set-Cookie", "session=s1; Path=/")])
        elif self.path == "/echo":
            self.answer(json.dumps({h: self.headers.get(h, "") for h in ("Cookie", "Host", "Referer")}))
        else:
            self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        if self.path != "/form" or not 0 <= length <= MAX_BODY:
            self.send_error(400)
            return
        raw = self.rfile.read(length)
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


class UnixHTTPServer(ThreadingHTTPServer):
    """The same handler on a Unix domain socket (curl's --unix-socket peer)."""
    address_family = socket.AF_UNIX

    def server_bind(self):
        socketserver.TCPServer.server_bind(self)  # HTTPServer's would ask for a host name and port
        self.server_name, self.server_port = "unix", 0

    def get_request(self):
        conn, _ = self.socket.accept()
        return conn, ("unix", 0)  # the handler logs and reads client_address as (host, port)


if sys.argv[1].isdigit():
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
else:
    UnixHTTPServer(sys.argv[1], Handler).serve_forever()
