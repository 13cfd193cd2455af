#!/usr/bin/env bash
# ESP packet rate per core vs OpenSSL on the same machine, same run (issue 3).
# Usage: bench/esp-throughput.sh [BYTES [SUITE...]]   (default 1400, all suites; e.g. 1400 AES128_GCM16)
# Ours: bench-esp protect/open on one thread. OpenSSL: `openssl speed -evp` for the cipher and `-hmac` for the
# integrity algorithm at the same size; a CBC+HMAC packet costs both, so its rate is 1/(1/cipher + 1/hmac).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
bytes=${1:-1400}
shift || true
suites=(); for s in "$@"; do suites+=(--suite "$s"); done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(openssl version)"
"$root/bin/dmvpn-harness" bench-esp --bytes "$bytes" "${suites[@]}"

# bytes/s of one openssl speed run -> packets/s at $bytes
ossl() { # ossl ARGS... ; prints packets/s
  openssl speed -seconds 3 -bytes "$bytes" "$@" 2>/dev/null | awk -v b="$bytes" '
    /^type/ {hdr=1; next} hdr && NF>1 {v=$NF; sub(/k$/,"",v); printf "%.0f\n", v*1000/b; exit}'
}
des=$(ossl -evp des-ede3-cbc); md5=$(ossl -hmac md5)
aes=$(ossl -evp aes-128-cbc); sha1=$(ossl -hmac sha1)
gcm=$(ossl -evp aes-128-gcm)
combine() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.0f", 1/(1/a+1/b)}'; }
echo "openssl TDES_MD5         $bytes-byte payload  pkts/s $(combine "$des" "$md5")  (des-ede3-cbc $des, hmac-md5 $md5)"
echo "openssl AES128_CBC_SHA1  $bytes-byte payload  pkts/s $(combine "$aes" "$sha1")  (aes-128-cbc $aes, hmac-sha1 $sha1)"
echo "openssl AES128_GCM16     $bytes-byte payload  pkts/s $gcm"
