#!/usr/bin/env python3
"""Turns run-greet.sh's JSON lines into Markdown tables: medians over rounds, ratios to Netty."""
import json
import sys
from collections import defaultdict

NAMES = {"inetkit": "inetkit GreetServer (event loop)", "inetkit-threads": "inetkit (thread per connection)",
         "netty": "Netty 4.2", "python": "Python socketserver",
         "ffm": "experiment: FFM epoll (not inetkit)", "ffm-sendrecv": "experiment: FFM epoll, recv/send"}
ORDER = ("inetkit", "inetkit-threads", "netty", "ffm", "ffm-sendrecv", "python")


def median_row(rows, key):
    """The round whose main figure is the median (lower middle), so a cell's numbers belong together."""
    rows = sorted(rows, key=lambda r: r.get(key, -1))
    return rows[(len(rows) - 1) // 2]


def cost_us(r, key):
    """Server CPU time per operation in µs: robust against a busy machine, unlike the rate itself."""
    rate, cpu = r.get(key, 0), r.get("serverCpuPct", -1)
    return cpu * 1e4 / rate if rate and rate > 0 and cpu is not None and cpu >= 0 else None


def median(values):
    values = sorted(v for v in values if v is not None)
    return values[(len(values) - 1) // 2] if values else None


def main(path):
    results = defaultdict(list)
    for line in open(path):
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            size = r.get("connections", r.get("concurrency"))
            results[(r["mode"], size, r["server"])].append(r)
    other = sorted(r["otherCpuPct"] for rs in results.values() for r in rs if r.get("otherCpuPct", -1) >= 0)
    if other:
        mid = other[(len(other) - 1) // 2]
        print(f"Other load on the machine during the measured intervals: median {mid:.0f}%, max {other[-1]:.0f}%"
              f" (of 200%){' — DISTURBED: treat ratios with care' if mid > 20 else ''}.\n")
    servers = [s for s in ORDER if any(k[2] == s for k in results)]
    tests = sorted({(k[0], k[1]) for k in results}, key=lambda t: (["rtt", "cps", "idle"].index(t[0]), t[1]))
    others = [s for s in servers if s != "netty"]

    def table(title, mode_set, key, unit, cell):
        rows = [t for t in tests if t[0] in mode_set]
        if not rows:
            return
        print(f"## {title}\n")
        print("| test | " + " | ".join(NAMES[s] for s in servers) + " | "
              + " | ".join(f"{s} / Netty" for s in others if "netty" in servers) + " |")
        print("|---" * (1 + len(servers) + (len(others) if "netty" in servers else 0)) + "|")
        for mode, size in rows:
            cells, value, cost = [], {}, {}
            for s in servers:
                got = results.get((mode, size, s))
                if not got:
                    cells.append("n/a")
                    continue
                m = median_row(got, key)
                value[s] = m.get(key, -1)
                text = cell(m, len(got))
                if mode != "idle":
                    cost[s] = median(cost_us(r, key) for r in got)
                    if cost[s] is not None:
                        text = text.replace(" (", f" (srv {cost[s]:.1f} µs CPU/op; ", 1)
                cells.append(text)
            ratios = []
            if "netty" in servers:
                for s in others:
                    base, v = value.get("netty"), value.get(s)
                    ratio = f"{v / base:.2f}x" if base and base > 0 and v is not None and v >= 0 else "n/a"
                    if cost.get(s) and cost.get("netty"):
                        ratio += f"; CPU/op {cost[s] / cost['netty']:.2f}x"
                    ratios.append(ratio)
            label = {"rtt": f"rtt, {size} connections", "cps": f"cps, concurrency {size}",
                     "idle": f"idle, {size} connections"}[mode]
            print(f"| {label} ({unit}) | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
        print()

    def errors(m):
        note = f"; **{m['errors']} errors**" if m.get("errors") else ""
        if m.get("connectRetries"):
            note += f"; {m['connectRetries']} connects retried"
        if m.get("otherCpuPct", 0) > 10:
            note += f"; ⚠ other load {m['otherCpuPct']:.0f}%"
        return note

    def bound(m):
        return "; LG-bound?" if m["loadgenCpuPct"] >= 95 and 0 <= m["serverCpuPct"] < 90 else ""

    def rtt_cell(m, n):
        short = f"only {m['opened']:,} connected; " if m["opened"] < m["connections"] else ""
        return (f"**{m['roundTripsPerSec']:,}** ({short}p50 {m['p50us']:.0f} µs, p99 {m['p99us']:.0f} µs; "
                f"LG CPU {m['loadgenCpuPct']:.0f}%, srv {m['serverCpuPct']:.0f}%{bound(m)}{errors(m)})")

    def cps_cell(m, n):
        return (f"**{m['connectionsPerSec']:,}** (p50 {m['p50us']:.0f} µs, p99 {m['p99us']:.0f} µs; "
                f"LG CPU {m['loadgenCpuPct']:.0f}%, srv {m['serverCpuPct']:.0f}%{bound(m)}{errors(m)})")

    def idle_cell(m, n):
        return (f"**{m['kibPerConn']} KiB** ({m['answered']:,}/{m['connections']:,} answered; "
                f"RSS {m['rssBeforeKiB'] // 1024}→{m['rssAfterKiB'] // 1024} MiB; open {m['openSeconds']} s{errors(m)})")

    table("Round trips per second (one message in flight per connection)", {"rtt"}, "roundTripsPerSec",
          "round trips/s", rtt_cell)
    table("Connections per second (connect, welcome, one message, exit, close)", {"cps"}, "connectionsPerSec",
          "connections/s", cps_cell)
    # for memory, lower is better: the ratio is still value / Netty's value
    table("Idle connections: server memory per connection (RSS delta / N)", {"idle"}, "kibPerConn",
          "KiB/connection", idle_cell)
    print("LG CPU = load generator's own CPU time / wall time over the measured interval (100% = its one core);"
          " srv = server's; µs CPU/op = server CPU time per round trip or connection (median over rounds), which"
          " a busy machine disturbs far less than the rate (lower is better; its ratio is value / Netty's); LG-bound? = the load generator was saturated while the server was not; ⚠ other load = CPU used by everything else on the machine during the interval"
          " (other processes; 200% = both cores), a sign that the figure is disturbed. Cells show the median round of the main figure; ratios are value / Netty's value.")


if __name__ == "__main__":
    main(sys.argv[1])
