#!/usr/bin/env python3
"""The tutorial's greeting server on socketserver.ThreadingTCPServer (its sleep removed).

Usage: greet_socketserver.py [PORT]   (0 or absent = any free port); prints LISTENING <port>.
Binds to 127.0.0.1 only.
"""
import socketserver
import sys


class GreetHandler(socketserver.BaseRequestHandler):
    """One connection: welcome, then 'Hello, <message>!' per received message until exit."""

    def handle(self):
        self.request.sendall("Welcome!".encode("utf-8"))
        while True:
            data = self.request.recv(1024)
            if not data or data == b"exit":
                break
            self.request.sendall(b"Hello, " + data + b"!")


class GreetServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    with GreetServer(("127.0.0.1", port), GreetHandler) as server:
        print("LISTENING %d" % server.server_address[1], flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
