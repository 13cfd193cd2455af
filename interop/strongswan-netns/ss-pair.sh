#!/bin/bash
# ss-pair.sh up|initiate|ping|sas|down  -- the strongSwan pair of interop-peers.md section 2, by hand.
# The Java helper dev.dmvpn.ref.interop.StrongSwanNetns does the same; this script is for poking at it.
#   SS_ID   4-hex run id (names ssa$SS_ID / ssb$SS_ID; default: a random one, printed by "up")
#   SS_DIR  run folder (default /tmp/ss-$SS_ID) with A/ and B/: strongswan.conf, swanctl.conf, charon.log, charon.vici
#   IKEP / ESPP proposals (default 3des-md5-modp1024 / 3des-md5), PSK_B (default cisco123; set it to test a mismatch)
set -euo pipefail
SS_ID=${SS_ID:-$(od -An -N2 -tx2 /dev/urandom | tr -d ' ')}; SS_DIR=${SS_DIR:-/tmp/ss-$SS_ID}
IKEP=${IKEP:-3des-md5-modp1024} ESPP=${ESPP:-3des-md5}
sw() { STRONGSWAN_CONF=$SS_DIR/$1/strongswan.conf swanctl "${@:2}" --uri unix://$SS_DIR/$1/charon.vici; }
conf() { # side local remote lts rts psk
  sed -e "s#@DIR@#$SS_DIR/$1#g" "$(dirname "$0")/strongswan.conf.in" > $SS_DIR/$1/strongswan.conf
  cat > $SS_DIR/$1/swanctl.conf <<EOC
connections { cisco { version = 1
    aggressive = no
    local_addrs = $2
    remote_addrs = $3
    proposals = $IKEP
    encap = no
    local { auth = psk
            id = $2 }
    remote { auth = psk
             id = $3 }
    children { cisco { mode = tunnel
        esp_proposals = $ESPP
        local_ts = $4
        remote_ts = $5 } } } }
secrets { ike-cisco { secret = "$6" } }
EOC
}
case $1 in
up)
  mkdir -p $SS_DIR/A $SS_DIR/B
  ip netns add ssa$SS_ID; ip netns add ssb$SS_ID
  ip link add vA netns ssa$SS_ID type veth peer name vB netns ssb$SS_ID   # never in the root namespace
  for s in a:vA:192.168.100.1/24:10.1.0.1/32 b:vB:192.168.100.2/24:10.2.0.1/32; do
    IFS=: read n dev addr lan <<< "$s"; ns=ss$n$SS_ID
    ip netns exec $ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1
    ip -n $ns link set lo up; ip -n $ns addr add $addr dev $dev; ip -n $ns link set $dev up; ip -n $ns addr add $lan dev lo
  done
  conf A 192.168.100.1 192.168.100.2 10.1.0.1/32 10.2.0.1/32 cisco123
  conf B 192.168.100.2 192.168.100.1 10.2.0.1/32 10.1.0.1/32 "${PSK_B:-cisco123}"
  for n in A B; do
    ns=ss${n,,}$SS_ID; d=$SS_DIR/$n; rm -f $d/charon.vici
    # private /run (own pid file); ip netns exec, unshare and sh exec, so $! is charon's PID
    STRONGSWAN_CONF=$d/strongswan.conf setsid ip netns exec $ns unshare -m --propagation private \
      sh -c 'mount -t tmpfs tmpfs /run && exec /usr/lib/ipsec/charon' > $d/charon.stdout 2>&1 < /dev/null &
    echo $! > $d/charon.pid
    for i in $(seq 50); do [ -S $d/charon.vici ] && break; sleep 0.1; done
    sw $n --load-all --file $d/swanctl.conf > /dev/null 2>&1
  done
  echo "SS_ID=$SS_ID SS_DIR=$SS_DIR";;
initiate) sw A --initiate --child cisco --timeout 10;;
ping) ip netns exec ssa$SS_ID ping -c3 -i0.2 -W1 -I 10.1.0.1 10.2.0.1;;
sas) sw A --list-sas; sw B --list-sas;;
down)
  for n in A B; do
    p=$(cat $SS_DIR/$n/charon.pid 2>/dev/null || true); [ -n "$p" ] || continue
    kill $p 2>/dev/null || true; for i in $(seq 30); do kill -0 $p 2>/dev/null || break; sleep 0.1; done
    kill -9 $p 2>/dev/null || true; rm -f $SS_DIR/$n/charon.pid
  done
  ip netns del ssa$SS_ID 2>/dev/null || true; ip netns del ssb$SS_ID 2>/dev/null || true;;
*) echo "usage: SS_ID=... $0 up|initiate|ping|sas|down" >&2; exit 2;;
esac
