# The tutorial's greeting server (seed item 4), with its bugs fixed as the seed
# summary describes: it serves port 9999 (or argv[1]), uses the socket it bound,
# and does not sleep. The reference peer for inetkit's greeting client.
import socket
import sys
import threading

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9999

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', port))
s.listen(5)
print('Waiting for connection...', flush=True)


def tcplink(sock, addr):
    print('Accept new connection from %s:%s...' % addr, flush=True)
    sock.send(b'Welcome!')
    while True:
        data = sock.recv(1024)
        if not data or data.decode('utf-8') == 'exit':
            break
        sock.send(('Hello, %s!' % data.decode('utf-8')).encode('utf-8'))
    sock.close()
    print('Connection from %s:%s closed.' % addr, flush=True)


while True:
    sock, addr = s.accept()
    t = threading.Thread(target=tcplink, args=(sock, addr))
    t.start()
