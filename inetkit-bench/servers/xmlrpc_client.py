# Python's xmlrpc.client as a load loop: add(i, i) one call after the other, each answer checked.
# The first WARMUP calls are timed apart (they warm up a JIT-compiled server as much as the client).
# Usage: python3 xmlrpc_client.py URL CALLS [WARMUP] [MAX_SECONDS]; prints one JSON line like
# io.inetkit.bench.httpserver.XmlRpcCallsMain.
import json, sys, time, xmlrpc.client

url, calls = sys.argv[1], int(sys.argv[2])
warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 0
deadline = time.perf_counter() + (float(sys.argv[4]) if len(sys.argv) > 4 else 120)
proxy = xmlrpc.client.ServerProxy(url)


def run(first, count):
    errors, last_error, done = 0, "", 0
    start = time.perf_counter()
    for i in range(first, first + count):
        if time.perf_counter() >= deadline:
            break
        try:
            if proxy.add(i, i) != 2 * i:
                errors += 1
                last_error = "wrong sum for %d" % i
        except Exception as e:  # counted, the loop goes on
            errors += 1
            last_error = repr(e)
        done += 1
    return done, max(1e-9, time.perf_counter() - start), errors, last_error


cold = run(0, warmup)
warm = run(warmup, calls)
print(json.dumps({"warmupCalls": cold[0], "warmupSeconds": round(cold[1], 4), "calls": warm[0],
                  "seconds": round(warm[1], 4), "callsPerSec": round(warm[0] / warm[1], 1),
                  "errors": cold[2] + warm[2], "lastError": warm[3] or cold[3]}))
