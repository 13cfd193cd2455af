#!/bin/bash
# uml-start.sh ROLE NBMA_CIDR TUNNEL_CIDR MAC: boots the User-Mode-Linux guest ROLE (configs in $UML_DIR/ROLE/)
# on a new tap tap-ROLE-id... bridged into netns wan-$LAB_ID; prints the guest kernel's PID (also in out/ROLE.pid).
# The guest's root is the host's / (hostfs, read-only); its PID 1 is init-dmvpn.sh.
set -euo pipefail
: "${UML_DIR:?set UML_DIR}" "${LAB_ID:?set LAB_ID}"
ROLE=$1 NBMA=$2 TUN=$3 MAC=$4
WAN=wan-$LAB_ID TAP=t${ROLE:0:3}$LAB_ID    # e.g. thub1a2b, tspo1a2b (<= 15 chars)
cd "$UML_DIR"; mkdir -p out umldir; chmod 777 out
rm -f out/"$ROLE".*
ip -n "$WAN" tuntap add "$TAP" mode tap
ip -n "$WAN" link set "$TAP" master br0
ip -n "$WAN" link set "$TAP" up
ip netns exec "$WAN" linux.uml umid="$ROLE" uml_dir="$UML_DIR/umldir" mem="${UML_MEM:-256M}" \
  root=/dev/root rootfstype=hostfs rootflags=/ ro \
  vec0:transport=tap,ifname="$TAP",mac="$MAC" \
  con=null con0=fd:0,fd:1 init="$UML_DIR/init-dmvpn.sh" \
  UML_DIR="$UML_DIR" ROLE="$ROLE" NBMA="$NBMA" TUN="$TUN" GRE_KEY="${GRE_KEY:-0}" \
  < /dev/null > out/"$ROLE"-kernel.log 2>&1 &
echo $! > out/"$ROLE".pid
echo $!
