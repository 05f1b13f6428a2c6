# Python's SimpleXMLRPCServer as users meet it (HTTP/1.0, one connection per call, one thread),
# with add(a, b). Usage: python3 xmlrpc_server.py PORT (0 = any); prints "LISTENING <port>".
import sys
from xmlrpc.server import SimpleXMLRPCServer

server = SimpleXMLRPCServer(("127.0.0.1", int(sys.argv[1])), logRequests=False)
server.register_function(lambda a, b: a + b, "add")
print("LISTENING %d" % server.server_address[1], flush=True)
server.serve_forever()
