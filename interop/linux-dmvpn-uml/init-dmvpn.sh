#!/bin/sh
# PID 1 inside a User-Mode-Linux guest whose root is the host's / via hostfs (read-only).
# Kernel command line passes UML_DIR, ROLE (hub|spoke1|...), NBMA=a.b.c.d/len, TUN=a.b.c.d/len, GRE_KEY.
# Writes out/ROLE.times (uptime marks), out/ROLE.ready when the services are up, then serves out/ROLE.cmd.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
B=${UML_DIR}; R=$B/$ROLE; O=$B/out
mount -t proc proc /proc; mount -t sysfs sys /sys
for d in /run /var/log /var/tmp /etc/frr /var/lib/frr; do mount -t tmpfs tmpfs $d; done
mount -t hostfs none $O -o $O          # writable output/command dir shared with the host
exec >$O/$ROLE-console.log 2>&1
mark() { echo "$1 $(cut -d' ' -f1 /proc/uptime)" >> $O/$ROLE.times; echo "[$ROLE] $1 $(cut -d' ' -f1 /proc/uptime)"; }
mark init
# role configs with @UML_DIR@ and @IKE_PSK@ (from the run's ike.psk, never committed) filled in, on the guest's tmpfs
PSK=$(cat "$B/ike.psk" 2>/dev/null) || { echo "init-dmvpn: $B/ike.psk missing" > "$O/$ROLE.init-error"; PSK=missing; }
mkdir -p /run/cfg; for f in $R/*; do sed "s#@UML_DIR@#$B#g; s#@IKE_PSK@#$PSK#g" "$f" > /run/cfg/$(basename "$f"); done
chmod 600 /run/cfg/swanctl.conf; R=/run/cfg
echo $B/modprobe-wrap.sh > /proc/sys/kernel/modprobe
# one modprobe run for all modules (each run re-reads the module index through hostfs, which is slow). Includes what
# the first xfrm SA would otherwise pull in on demand (hmac, md5, drbg + jitterentropy for the IV generator):
# loaded then, they stalled the first SAD entry by about 4 s and made the spoke's first NHRP registrations time out.
$B/modprobe-wrap.sh -a ip_gre esp4 xfrm_user af_packet authenc echainiv seqiv cbc des_generic des3_ede gcm ctr \
  ghash_generic aes_generic sha256_generic sha512_generic md5 hmac drbg jitterentropy_rng ansi_cprng 2>/dev/null
mark modules
# The first xfrm state using an algorithm combination costs about 2 s in this guest (crypto template instantiation
# and self-tests); paid during IKE it delays the first NHRP registration by several seconds. Pay it now, in the
# background while the daemons start, for the suites the configs use (3des-md5, aes128-sha1).
( k24=0x000102030405060708090a0b0c0d0e0f1011121314151617 k16=0x000102030405060708090a0b0c0d0e0f
  ip xfrm state add src 127.0.0.1 dst 127.0.0.2 proto esp spi 0x101 mode transport enc 'cbc(des3_ede)' $k24 auth 'hmac(md5)' $k16
  ip xfrm state add src 127.0.0.1 dst 127.0.0.2 proto esp spi 0x102 mode transport enc 'cbc(aes)' $k16 auth 'hmac(sha1)' ${k24%????????}
  ip xfrm state del src 127.0.0.1 dst 127.0.0.2 proto esp spi 0x101; ip xfrm state del src 127.0.0.1 dst 127.0.0.2 proto esp spi 0x102
  mark crypto-warm ) &
ip link set lo up
ip link set vec0 up; ip addr add $NBMA dev vec0
# mGRE tunnel (no remote = multipoint); Linux puts no key field on the wire for key 0
ip tunnel add gre1 mode gre key ${GRE_KEY:-0} ttl 64
ip addr add $TUN dev gre1
ip link set gre1 up
sysctl -qw net.ipv4.ip_forward=1
# strongSwan (real kernel XFRM/ESP here) - default vici socket /run/charon.vici (what nhrpd expects).
# swanctl reads the same STRONGSWAN_CONF, whose swanctl section loads only the plugins it needs.
export STRONGSWAN_CONF=$R/strongswan.conf
/usr/lib/ipsec/charon > /var/log/charon.stdout 2>&1 &
for i in $(seq 100); do [ -S /run/charon.vici ] && break; sleep 0.1; done
mark charon
swanctl --load-all --file $R/swanctl.conf > $O/$ROLE-swanctl-load.log 2>&1
mark swanctl
# FRR zebra + nhrpd
mkdir -p /run/frr; chown frr:frr /run/frr /var/log /etc/frr /var/lib/frr /var/tmp
/usr/lib/frr/zebra -d -u frr -g frr -f $R/frr.conf -i /run/frr/zebra.pid
/usr/lib/frr/nhrpd -d -u frr -g frr -f $R/frr.conf -i /run/frr/nhrpd.pid
for i in $(seq 50); do vtysh -c 'show ip nhrp nhs' >/dev/null 2>&1 && break; sleep 0.1; done
ip link set gre1 up
mark services
free -m
touch $O/$ROLE.ready
# command channel: host writes $O/$ROLE.cmd, guest runs it, writes $O/$ROLE.out (atomically, via rename)
while true; do
  if [ -f $O/$ROLE.cmd ]; then mv $O/$ROLE.cmd /run/cmd.sh; sh /run/cmd.sh > $O/$ROLE.out.tmp 2>&1; mv $O/$ROLE.out.tmp $O/$ROLE.out; fi
  if [ -f $O/$ROLE.stop ]; then rm -f $O/$ROLE.stop; mark poweroff; poweroff -f; fi
  sleep 0.2
done
