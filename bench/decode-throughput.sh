#!/usr/bin/env bash
# Decode throughput: the project's decoder vs tshark field extraction, on the same generated DMVPN capture.
# Usage: bench/decode-throughput.sh [FRAMES]   (default 1000000; writes bench/out/, prints the figures)
# The capture mixes NHRP (registration/resolution, GRE key 0, Cisco auth), ISAKMP (Main/Quick Mode, UDP 500 and
# NAT-T 4500) and ESP (protocol 50) frames built by the project's encoders.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
frames=${1:-1000000}
out="$root/bench/out"
mkdir -p "$out"
cap="$out/dmvpn-mixed-$frames.pcap"

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -1)"
echo "tshark: $(tshark -v 2>/dev/null | head -1)"

# 1. generate the capture and measure our decoder (single thread, frames already in memory, then file end to end)
"$root/bin/dmvpn-harness" bench-decode --frames "$frames" --capture "$cap" | tee "$out/ours.txt"
ours=$(awk '/^decode-to-records frames\/s/{print $3}' "$out/ours.txt")

# 2. tshark field extraction on the same file, same fields as `dmvpn-harness decode`
start=$(date +%s.%N)
tshark -n -r "$cap" -o nhrp.auth_ext_has_addr:FALSE -T fields \
  -e frame.number -e frame.time_epoch -e ip.src -e ip.dst -e ip.proto -e ip.ttl -e ip.dsfield \
  -e udp.srcport -e udp.dstport -e gre.key -e gre.proto \
  -e nhrp.hdr.op.type -e nhrp.hdr.hopcnt -e nhrp.flags -e nhrp.reqid -e nhrp.src.nbma.addr -e nhrp.src.prot.addr \
  -e nhrp.dst.prot.addr -e nhrp.code -e nhrp.prefix -e nhrp.mtu -e nhrp.htime -e nhrp.client.nbma.addr \
  -e nhrp.client.prot.addr -e nhrp.ext.type -e nhrp.ext.len -e nhrp.auth_ext.data -e nhrp.hdr.chksum.status \
  -e isakmp.ispi -e isakmp.rspi -e isakmp.exchangetype -e isakmp.flags -e isakmp.messageid -e isakmp.typepayload \
  -e isakmp.vid_bytes -e esp.spi -e esp.sequence 2>/dev/null > "$out/tshark-fields.txt"
end=$(date +%s.%N)
tshark_rate=$(awk -v n="$frames" -v s="$start" -v e="$end" 'BEGIN{printf "%.0f", n/(e-s)}')
lines=$(wc -l < "$out/tshark-fields.txt")
echo "tshark -T fields frames/s $tshark_rate ($lines frames in $(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.1f", e-s}') s)"
echo "ratio decode-to-records / tshark: $(awk -v a="$ours" -v b="$tshark_rate" 'BEGIN{printf "%.1f", a/b}')x"
