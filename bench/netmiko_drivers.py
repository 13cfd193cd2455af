#!/usr/bin/env python3
"""Netmiko against the same virtual-rack router as DriversBenchmark (bench/drivers.sh starts both).

Usage: netmiko_drivers.py CONFIG CONNECTS SHOWS PUSHES --port P
Prints one line per measurement in DriversBenchmark's format. Netmiko's defaults (fast_cli off, global_delay_factor 1).
"""
import os
import statistics
import sys
import time

from netmiko import ConnectHandler, __version__ as netmiko_version

# set by DriversBenchmark, which configured the rack router with them (the enable secret is random per run)
VTY_PASSWORD = os.environ["DMVPN_BENCH_VTY_PASSWORD"]
ENABLE = os.environ["DMVPN_BENCH_ENABLE"]


def row(what, seconds):
    s = sorted(seconds)
    return "%-8s %-38s n=%-4d median %9.3f ms  p90 %9.3f ms  min %9.3f ms" % (
        "netmiko", what, len(s), s[len(s) // 2] * 1e3, s[int(len(s) * 0.9)] * 1e3, s[0] * 1e3)


def connect(port):
    c = ConnectHandler(device_type="cisco_ios_telnet", host="127.0.0.1", port=port, username="",
                       password=VTY_PASSWORD, secret=ENABLE)
    c.enable()
    return c


def main():
    args = sys.argv[1:]
    port = int(args[args.index("--port") + 1])
    config, connects, shows, pushes = args[0], int(args[1]), int(args[2]), int(args[3])
    lines = []
    for l in open(config, encoding="utf-8"):
        l = l.rstrip("\n")
        t = l.strip()
        if not t or t.startswith("!") or t == "end" or "#show run" in l or t.startswith("Building configuration") \
                or t.startswith("Current configuration :"):
            continue
        lines.append(l)
    print("netmiko %s, python %s" % (netmiko_version, sys.version.split()[0]))
    conn_t = []
    for _ in range(connects):
        t0 = time.perf_counter()
        c = connect(port)
        conn_t.append(time.perf_counter() - t0)
        c.disconnect()
    c = connect(port)
    show_t = []
    out = ""
    for _ in range(shows):
        t0 = time.perf_counter()
        out = c.send_command("show version")
        show_t.append(time.perf_counter() - t0)
    if "Cisco Internetwork Operating System Software" not in out:
        print("unexpected show version output: %r" % out[:200])
        sys.exit(1)
    push_t = []
    for _ in range(pushes):
        t0 = time.perf_counter()
        res = c.send_config_set(lines)
        push_t.append(time.perf_counter() - t0)
        if "% Invalid" in res or "% Incomplete" in res:
            print("the push was refused somewhere: netmiko printed: %s" % res[-300:])
            sys.exit(1)
    c.disconnect()
    print(row("connect+login+enable", conn_t))
    print(row("show version", show_t))
    print(row("push hub config (not checked per line)", push_t))


if __name__ == "__main__":
    main()
