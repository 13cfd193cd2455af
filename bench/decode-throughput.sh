#!/usr/bin/env bash
# Decode throughput: the project's decoder vs tshark field extraction, on the same generated DMVPN capture.
# Usage: bench/decode-throughput.sh [FRAMES] [--end-to-end-only]   (default 1000000; writes bench/out/)
# The capture mixes NHRP (registration/resolution, GRE key 0, Cisco auth), ISAKMP (Main/Quick Mode, UDP 500 and
# NAT-T 4500) and ESP (protocol 50) frames built by the project's encoders.
# Part 1 (skipped with --end-to-end-only): in-process rates, one thread, warmed up (bench-decode).
# Part 2: end to end, each a fresh process from the shell: `dmvpn-harness decode FILE > out.jsonl` (JVM start, file
# read, decode, JSON written) against `tshark -T fields` with the same fields into a file, wall and CPU time.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
frames=${1:-1000000}
mode=${2:-}
out="$root/bench/out"
mkdir -p "$out"
cap="$out/dmvpn-mixed-$frames.pcap"

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -1)"
echo "tshark: $(tshark -v 2>/dev/null | head -1)"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# 1. generate the capture and measure our decoder in-process (single thread, warmed up)
if [ "$mode" = "--end-to-end-only" ]; then
  "$root/bin/dmvpn-harness" bench-decode --frames "$frames" --capture "$cap" --generate-only
  ours=""
else
  "$root/bin/dmvpn-harness" bench-decode --frames "$frames" --capture "$cap" | tee "$out/ours.txt"
  ours=$(awk '/^decode-to-records frames\/s/{print $3}' "$out/ours.txt")
fi

# 2a. end to end, ours: the decode command as a user runs it, output to a file (built first, outside the timing)
"$root/bin/dmvpn-harness" --version > /dev/null
/usr/bin/time -f "%e %U %S" -o "$out/decode.time" "$root/bin/dmvpn-harness" decode "$cap" > "$out/decode.jsonl"
read -r d_wall d_user d_sys < "$out/decode.time"
d_lines=$(wc -l < "$out/decode.jsonl")
d_bytes=$(stat -c %s "$out/decode.jsonl")
echo "decode end-to-end: $d_lines frames ($d_bytes bytes JSON) in $d_wall s wall ($d_user s user + $d_sys s sys CPU):" \
  "$(awk -v n="$d_lines" -v s="$d_wall" 'BEGIN{printf "%.0f", n/s}') frames/s"
rm -f "$out/decode.jsonl"

# 2b. tshark field extraction on the same file, same fields as `dmvpn-harness decode`
start=$(date +%s.%N)
/usr/bin/time -f "%e %U %S %x" -o "$out/tshark.time" tshark -n -r "$cap" -o nhrp.auth_ext_has_addr:FALSE -T fields \
  -e frame.number -e frame.time_epoch -e ip.src -e ip.dst -e ip.proto -e ip.ttl -e ip.dsfield \
  -e udp.srcport -e udp.dstport -e gre.key -e gre.proto \
  -e nhrp.hdr.op.type -e nhrp.hdr.hopcnt -e nhrp.flags -e nhrp.reqid -e nhrp.src.nbma.addr -e nhrp.src.prot.addr \
  -e nhrp.dst.prot.addr -e nhrp.code -e nhrp.prefix -e nhrp.mtu -e nhrp.htime -e nhrp.client.nbma.addr \
  -e nhrp.client.prot.addr -e nhrp.ext.type -e nhrp.ext.len -e nhrp.auth_ext.data -e nhrp.hdr.chksum.status \
  -e isakmp.ispi -e isakmp.rspi -e isakmp.exchangetype -e isakmp.flags -e isakmp.messageid -e isakmp.typepayload \
  -e isakmp.vid_bytes -e esp.spi -e esp.sequence 2>"$out/tshark.err" > "$out/tshark-fields.txt" || true
end=$(date +%s.%N)
read -r t_wall t_user t_sys t_status < <(tail -1 "$out/tshark.time")
tshark_rate=$(awk -v n="$frames" -v s="$start" -v e="$end" 'BEGIN{printf "%.0f", n/(e-s)}')
lines=$(wc -l < "$out/tshark-fields.txt")
if [ "$lines" -ne "$frames" ] || [ "$d_lines" -ne "$frames" ]; then
  echo "FAILED: tshark wrote $lines lines and decode $d_lines for $frames frames (tshark killed? see $out/tshark.time)" >&2
  exit 1
fi
echo "tshark -T fields frames/s $tshark_rate ($lines frames in $(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.1f", e-s}') s wall, $t_user s user + $t_sys s sys CPU)"
if [ -n "$ours" ]; then
  echo "ratio decode-to-records / tshark: $(awk -v a="$ours" -v b="$tshark_rate" 'BEGIN{printf "%.1f", a/b}')x"
fi
echo "ratio end to end (wall): $(awk -v a="$t_wall" -v b="$d_wall" 'BEGIN{printf "%.1f", a/b}')x;" \
  "by CPU time: $(awk -v a="$t_user" -v b="$t_sys" -v c="$d_user" -v d="$d_sys" 'BEGIN{printf "%.1f", (a+b)/(c+d)}')x"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
