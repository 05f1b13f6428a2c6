# Python's xmlrpc.client as a load loop: add(i, i) one call after the other, each answer checked.
# Usage: python3 xmlrpc_client.py URL CALLS [MAX_SECONDS]; prints one JSON line like XmlRpcCallsMain.
import json, sys, time, xmlrpc.client

url, calls = sys.argv[1], int(sys.argv[2])
max_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 120
proxy = xmlrpc.client.ServerProxy(url)
errors, last_error, done = 0, "", 0
start = time.perf_counter()
deadline = start + max_seconds
for i in range(calls):
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
seconds = time.perf_counter() - start
print(json.dumps({"warmupCalls": 0, "warmupSeconds": 0, "calls": done, "seconds": round(seconds, 4),
                  "callsPerSec": round(done / seconds, 1), "errors": errors, "lastError": last_error}))
