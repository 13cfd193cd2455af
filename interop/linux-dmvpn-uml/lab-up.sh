#!/bin/bash
# lab-up.sh: the "WAN" of one lab run. Netns wan-$LAB_ID holds bridge br0; guests' taps join it (uml-start.sh),
# and a veth pair joins it to the probe side, where the project's reference peer (pcap4j) or a capture sits:
#   PROBE=root  (default): probe end dmvp$LAB_ID stays in the ROOT namespace, link up, no IPv4/IPv6 address,
#                          so the host stack never answers or routes on it; only a raw socket (pcap) uses it.
#   PROBE=netns:           probe end dmvp$LAB_ID is moved into netns probe-$LAB_ID with $PROBE_ADDR (172.16.0.100/24).
# Nothing here is connected to the host's own interfaces: the bridge only joins taps and this veth.
set -euo pipefail
: "${LAB_ID:?set LAB_ID to a short unique id (4 hex digits)}"
WAN=wan-$LAB_ID P=dmvp$LAB_ID B=dmvb$LAB_ID
ip netns add "$WAN"
ip -n "$WAN" link set lo up
ip -n "$WAN" link add br0 type bridge
ip -n "$WAN" link set br0 up
ip netns exec "$WAN" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip link add "$P" type veth peer name "$B" netns "$WAN"
ip -n "$WAN" link set "$B" master br0
ip -n "$WAN" link set "$B" up
if [ "${PROBE:-root}" = netns ]; then
  ip netns add "probe-$LAB_ID"
  ip link set "$P" netns "probe-$LAB_ID"
  ip -n "probe-$LAB_ID" link set lo up
  ip netns exec "probe-$LAB_ID" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
  ip -n "probe-$LAB_ID" addr add "${PROBE_ADDR:-172.16.0.100/24}" dev "$P"
  ip -n "probe-$LAB_ID" link set "$P" up
else
  sysctl -qw "net.ipv6.conf.$P.disable_ipv6=1"
  ip link set "$P" up
fi
