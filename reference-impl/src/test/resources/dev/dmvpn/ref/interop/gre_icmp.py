#!/usr/bin/env python3
"""ICMP echo carried in GRE over a raw IP socket (protocol 47), for a network namespace without kernel GRE.

The strongSwan interop namespace has no ip_gre module, so this script plays the GRE endpoint behind charon:
the kernel adds the outer IPv4 header (192.168.100.2 -> 192.168.100.1), routes it into kernel-libipsec's TUN
device (the policy covers the two public addresses, protocol 47) and charon sends it as ESP; GRE coming back is
delivered to the raw socket after charon decrypted it.

  gre_icmp.py ping PEER INNER_SRC INNER_DST COUNT TIMEOUT   -> "sent N received M"
  gre_icmp.py answer INNER_ADDR COUNT TIMEOUT                -> "ready", then "answered M"
"""
import socket
import struct
import sys
import time

GRE_IPV4 = b"\x00\x00\x08\x00"  # no flags, version 0, protocol type IPv4
IDENT = 0x4242


def checksum(data):
    if len(data) % 2:
        data += b"\x00"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


def icmp(kind, ident, seq, payload):
    head = struct.pack("!BBHHH", kind, 0, 0, ident, seq)
    c = checksum(head + payload)
    return struct.pack("!BBHHH", kind, 0, c, ident, seq) + payload


def ipv4(src, dst, body, ident):
    head = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(body), ident, 0, 64, 1, 0,
                       socket.inet_aton(src), socket.inet_aton(dst))
    c = checksum(head)
    return head[:10] + struct.pack("!H", c) + head[12:] + body


def inner_icmp(packet):
    """(outer source, inner source, inner destination, icmp type, ident, seq, payload) or None."""
    ihl = (packet[0] & 0x0F) * 4
    gre = packet[ihl:]
    if len(gre) < 4 + 28 or gre[:4] != GRE_IPV4:
        return None
    inner = gre[4:]
    iihl = (inner[0] & 0x0F) * 4
    if inner[9] != 1:
        return None
    body = inner[iihl:]
    kind, _, _, ident, seq = struct.unpack("!BBHHH", body[:8])
    return (socket.inet_ntoa(packet[12:16]), socket.inet_ntoa(inner[12:16]), socket.inet_ntoa(inner[16:20]),
            kind, ident, seq, body[8:])


def ping(sock, peer, src, dst, count, timeout):
    received = 0
    for seq in range(1, count + 1):
        payload = b"gre-icmp-interop-%d" % seq
        sock.sendto(GRE_IPV4 + ipv4(src, dst, icmp(8, IDENT, seq, payload), seq), (peer, 0))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                data, _ = sock.recvfrom(4096)
            except socket.timeout:
                break
            p = inner_icmp(data)
            if p and p[3] == 0 and p[4] == IDENT and p[5] == seq and p[1] == dst and p[6] == payload:
                received += 1
                break
    print("sent %d received %d" % (count, received), flush=True)


def answer(sock, addr, count, timeout):
    answered = 0
    deadline = time.monotonic() + timeout
    print("ready", flush=True)
    while answered < count and time.monotonic() < deadline:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            data, _ = sock.recvfrom(4096)
        except socket.timeout:
            break
        p = inner_icmp(data)
        if p and p[3] == 8 and p[2] == addr:
            reply = ipv4(addr, p[1], icmp(0, p[4], p[5], p[6]), p[5])
            sock.sendto(GRE_IPV4 + reply, (p[0], 0))
            answered += 1
    print("answered %d" % answered, flush=True)


def main():
    sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, 47)
    if sys.argv[1] == "ping":
        ping(sock, sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), float(sys.argv[6]))
    else:
        answer(sock, sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))


if __name__ == "__main__":
    main()
