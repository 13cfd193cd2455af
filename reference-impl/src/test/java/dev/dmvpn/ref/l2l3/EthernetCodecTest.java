package dev.dmvpn.ref.l2l3;

import static dev.dmvpn.ref.l2l3.CaptureFixtures.frame;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.rows;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

public class EthernetCodecTest {

  /**
   * Every frame of the captures used by the l2/l3, GRE and ESP tests, as tshark 4.0 shows it:
   * {@code tshark -r CAPTURE -T fields -e frame.number -e eth.dst -e eth.src -e vlan.id -e vlan.etype
   * -e vlan.len -e eth.type -e eth.len -e frame.len}, folded to: capture, frame, dst, src, VLAN id (- when
   * untagged), the type after the tags (lenN for an 802.3 length field), frame length.
   */
  static final String ETHERNET_FRAMES = """
      # gre-variants.pcap
      gre-variants.pcap 1 aa:bb:cc:00:02:00 aa:bb:cc:00:02:00 - 0x9000 64
      gre-variants.pcap 2 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 3 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 4 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 5 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 6 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 7 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 8 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 9 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 10 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 11 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 82
      gre-variants.pcap 12 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 46
      gre-variants.pcap 13 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 14 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 15 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 16 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 82
      gre-variants.pcap 17 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 46
      gre-variants.pcap 18 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 19 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 20 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 21 aa:bb:cc:00:02:00 aa:bb:cc:00:02:00 - 0x9000 64
      gre-variants.pcap 22 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 23 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 24 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 25 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 154
      gre-variants.pcap 26 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 154
      gre-variants.pcap 27 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 154
      gre-variants.pcap 28 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 154
      gre-variants.pcap 29 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 154
      gre-variants.pcap 30 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 154
      gre-variants.pcap 31 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 154
      gre-variants.pcap 32 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 154
      gre-variants.pcap 33 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 154
      gre-variants.pcap 34 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 154
      gre-variants.pcap 35 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 36 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 37 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 38 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 39 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 40 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 41 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 82
      gre-variants.pcap 42 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 46
      gre-variants.pcap 43 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 44 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 45 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 46 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 82
      gre-variants.pcap 47 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 46
      gre-variants.pcap 48 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 49 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 399
      gre-variants.pcap 50 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 51 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 52 aa:bb:cc:00:02:00 aa:bb:cc:00:02:00 - 0x9000 64
      gre-variants.pcap 53 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 54 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 55 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 56 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 57 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 58 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 59 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 60 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 61 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 62 01:00:0c:cc:cc:cc aa:bb:cc:00:03:10 - len34 60
      gre-variants.pcap 63 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 399
      gre-variants.pcap 64 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 82
      gre-variants.pcap 65 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 46
      gre-variants.pcap 66 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 67 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 112
      gre-variants.pcap 68 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 69 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 70 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 82
      gre-variants.pcap 71 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 46
      gre-variants.pcap 72 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 73 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 112
      gre-variants.pcap 74 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 75 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 76 aa:bb:cc:00:02:00 aa:bb:cc:00:02:00 - 0x9000 64
      gre-variants.pcap 77 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 78 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 79 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 80 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 81 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 82 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 83 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 84 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 85 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 86 01:00:0c:cc:cc:cc aa:bb:cc:00:03:10 - len432 446
      gre-variants.pcap 87 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 82
      gre-variants.pcap 88 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 46
      gre-variants.pcap 89 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 90 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 91 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 92 aa:bb:cc:00:02:00 aa:bb:cc:00:01:00 1213 0x0800 82
      gre-variants.pcap 93 aa:bb:cc:00:01:00 aa:bb:cc:00:02:00 1213 0x0800 46
      gre-variants.pcap 94 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 95 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 96 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      gre-variants.pcap 97 aa:bb:cc:00:02:00 aa:bb:cc:00:02:00 - 0x9000 64
      gre-variants.pcap 98 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 1213 len50 68
      gre-variants.pcap 99 01:80:c2:00:00:00 aa:bb:cc:00:03:10 - len38 60
      gre-variants.pcap 100 01:00:0c:cc:cc:cd aa:bb:cc:00:03:10 - len50 64
      # ios-nhrp-registration-key2-auth.pcap
      ios-nhrp-registration-key2-auth.pcap 1 aa:bb:cc:00:05:10 aa:bb:cc:00:01:10 100 0x0800 154
      ios-nhrp-registration-key2-auth.pcap 2 aa:bb:cc:00:01:10 aa:bb:cc:00:05:10 100 0x0800 174
      ios-nhrp-registration-key2-auth.pcap 3 aa:bb:cc:00:05:10 aa:bb:cc:00:01:10 100 0x0800 154
      ios-nhrp-registration-key2-auth.pcap 4 aa:bb:cc:00:01:10 aa:bb:cc:00:05:10 100 0x0800 174
      # ios-phase2-resolution-via-hub.cap
      ios-phase2-resolution-via-hub.cap 1 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 2 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 110
      ios-phase2-resolution-via-hub.cap 3 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 4 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 5 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 130
      ios-phase2-resolution-via-hub.cap 6 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 158
      ios-phase2-resolution-via-hub.cap 7 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 178
      ios-phase2-resolution-via-hub.cap 8 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 9 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 10 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 11 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 12 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 13 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 14 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 15 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 16 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 17 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 18 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 19 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 20 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 21 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 22 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 23 c2:05:37:c9:f1:02 c2:02:37:97:00:00 - 0x0800 138
      ios-phase2-resolution-via-hub.cap 24 c2:02:37:97:00:00 c2:05:37:c9:f1:02 - 0x0800 138
      # esp-3des-tunnel-decryptable.pcap
      esp-3des-tunnel-decryptable.pcap 1 10:00:00:64:64:45 10:00:00:64:64:23 - 0x0800 150
      esp-3des-tunnel-decryptable.pcap 2 10:00:00:64:64:45 10:00:00:64:64:23 - 0x0800 150
      esp-3des-tunnel-decryptable.pcap 3 10:00:00:64:64:45 10:00:00:64:64:23 - 0x0800 150
      esp-3des-tunnel-decryptable.pcap 4 10:00:00:64:64:45 10:00:00:64:64:23 - 0x0800 150
      esp-3des-tunnel-decryptable.pcap 5 10:00:00:64:64:45 10:00:00:64:64:23 - 0x0800 150
      esp-3des-tunnel-decryptable.pcap 6 10:00:00:64:64:45 10:00:00:64:64:23 - 0x0800 150
      esp-3des-tunnel-decryptable.pcap 7 10:00:00:64:64:45 10:00:00:64:64:23 - 0x0800 150
      esp-3des-tunnel-decryptable.pcap 8 10:00:00:64:64:45 10:00:00:64:64:23 - 0x0800 150
      # linux-dmvpn-hub-spoke-wan.pcap
      linux-dmvpn-hub-spoke-wan.pcap 1 33:33:00:00:00:16 02:00:00:00:00:11 - 0x86dd 90
      linux-dmvpn-hub-spoke-wan.pcap 2 33:33:ff:00:00:11 02:00:00:00:00:11 - 0x86dd 86
      linux-dmvpn-hub-spoke-wan.pcap 3 33:33:00:00:00:16 02:00:00:00:00:11 - 0x86dd 90
      linux-dmvpn-hub-spoke-wan.pcap 4 33:33:00:00:00:16 02:00:00:00:00:11 - 0x86dd 90
      linux-dmvpn-hub-spoke-wan.pcap 5 33:33:00:00:00:02 02:00:00:00:00:11 - 0x86dd 70
      linux-dmvpn-hub-spoke-wan.pcap 6 33:33:00:00:00:16 02:00:00:00:00:11 - 0x86dd 90
      linux-dmvpn-hub-spoke-wan.pcap 7 33:33:00:00:00:02 6e:a0:e4:8c:ae:da - 0x86dd 70
      linux-dmvpn-hub-spoke-wan.pcap 8 33:33:00:00:00:02 22:ac:eb:f7:c0:c9 - 0x86dd 70
      linux-dmvpn-hub-spoke-wan.pcap 9 33:33:00:00:00:02 02:00:00:00:00:11 - 0x86dd 70
      linux-dmvpn-hub-spoke-wan.pcap 10 ff:ff:ff:ff:ff:ff 02:00:00:00:00:11 - 0x0806 42
      linux-dmvpn-hub-spoke-wan.pcap 11 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0806 42
      linux-dmvpn-hub-spoke-wan.pcap 12 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 218
      linux-dmvpn-hub-spoke-wan.pcap 13 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0800 198
      linux-dmvpn-hub-spoke-wan.pcap 14 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 278
      linux-dmvpn-hub-spoke-wan.pcap 15 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0800 278
      linux-dmvpn-hub-spoke-wan.pcap 16 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 134
      linux-dmvpn-hub-spoke-wan.pcap 17 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0800 110
      linux-dmvpn-hub-spoke-wan.pcap 18 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 206
      linux-dmvpn-hub-spoke-wan.pcap 19 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0800 206
      linux-dmvpn-hub-spoke-wan.pcap 20 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 94
      linux-dmvpn-hub-spoke-wan.pcap 21 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 166
      linux-dmvpn-hub-spoke-wan.pcap 22 33:33:00:00:00:02 02:00:00:00:00:01 - 0x86dd 70
      linux-dmvpn-hub-spoke-wan.pcap 23 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 166
      linux-dmvpn-hub-spoke-wan.pcap 24 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0800 182
      linux-dmvpn-hub-spoke-wan.pcap 25 33:33:00:00:00:02 02:00:00:00:00:11 - 0x86dd 70
      linux-dmvpn-hub-spoke-wan.pcap 26 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0806 42
      linux-dmvpn-hub-spoke-wan.pcap 27 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0806 42
      linux-dmvpn-hub-spoke-wan.pcap 28 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 158
      linux-dmvpn-hub-spoke-wan.pcap 29 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0800 158
      linux-dmvpn-hub-spoke-wan.pcap 30 02:00:00:00:00:01 02:00:00:00:00:11 - 0x0800 158
      linux-dmvpn-hub-spoke-wan.pcap 31 02:00:00:00:00:11 02:00:00:00:00:01 - 0x0800 158
      # ios-ikev1-main-quick-mode.cap
      ios-ikev1-main-quick-mode.cap 1 c2:01:57:75:00:00 c2:00:57:75:00:00 - 0x0800 190
      ios-ikev1-main-quick-mode.cap 2 c2:00:57:75:00:00 c2:01:57:75:00:00 - 0x0800 150
      ios-ikev1-main-quick-mode.cap 3 c2:01:57:75:00:00 c2:00:57:75:00:00 - 0x0800 314
      ios-ikev1-main-quick-mode.cap 4 c2:00:57:75:00:00 c2:01:57:75:00:00 - 0x0800 314
      ios-ikev1-main-quick-mode.cap 5 c2:01:57:75:00:00 c2:00:57:75:00:00 - 0x0800 150
      ios-ikev1-main-quick-mode.cap 6 c2:00:57:75:00:00 c2:01:57:75:00:00 - 0x0800 118
      ios-ikev1-main-quick-mode.cap 7 c2:01:57:75:00:00 c2:00:57:75:00:00 - 0x0800 262
      ios-ikev1-main-quick-mode.cap 8 c2:00:57:75:00:00 c2:01:57:75:00:00 - 0x0800 262
      ios-ikev1-main-quick-mode.cap 9 c2:01:57:75:00:00 c2:00:57:75:00:00 - 0x0800 102
      """;

  @Test
  public void everyCapturedFrameDecodesAsTsharkShowsItAndReencodesExactly() {
    List<String[]> table = rows(ETHERNET_FRAMES);
    assertEquals(table.size(), 176);
    for (String[] row : table) {
      byte[] data = frame(row[0], Integer.parseInt(row[1]));
      String where = row[0] + " frame " + row[1];
      EthernetFrame f = EthernetCodec.decode(data).value();
      assertEquals(f.destination().toString(), row[2], where);
      assertEquals(f.source().toString(), row[3], where);
      assertEquals(f.outerVlanId(), row[4].equals("-") ? -1 : Integer.parseInt(row[4]), where);
      if (row[5].startsWith("len")) {
        assertTrue(f.etherType().isLength(), where);
        assertEquals(f.etherType().value(), Integer.parseInt(row[5].substring(3)), where);
      } else {
        assertEquals(f.etherType().value(), Integer.parseInt(row[5].substring(2), 16), where);
      }
      assertEquals(data.length, Integer.parseInt(row[6]), where);
      assertEquals(f.payload().length, data.length - f.headerLength(), where);
      assertEquals(EthernetCodec.encode(f), data, where);
    }
  }

  @Test
  public void vlanTagFieldsOfGreVariantsFrame11() {
    // gre-variants.pcap frame 11: 81 00 04 bd -> PRI 0, DEI 0, ID 1213 (tshark), then type 0x0800
    EthernetFrame f = EthernetCodec.decode(frame("gre-variants.pcap", 11)).value();
    assertEquals(f.vlanTags().size(), 1);
    VlanTag tag = f.vlanTags().get(0);
    assertEquals(tag.tpid(), EtherType.VLAN);
    assertEquals(tag.priority(), 0);
    assertFalse(tag.dropEligible());
    assertEquals(tag.vlanId(), 1213);
    assertEquals(f.etherType(), EtherType.IPV4);
    assertEquals(f.headerLength(), 18);
  }

  @Test
  public void stackedTagsAreKeptInWireOrder() {
    // synthetic QinQ: 88a8 outer (PCP 5, DEI 1, VID 100), 8100 inner VID 200, then IPv4
    byte[] data = Hex.parse("ffffffffffff 020000000001 88a8 b064 8100 00c8 0800 4500");
    EthernetFrame f = EthernetCodec.decode(data).value();
    assertEquals(f.vlanTags(), List.of(new VlanTag(EtherType.QINQ, 0xb064), new VlanTag(EtherType.VLAN, 200)));
    assertEquals(f.vlanTags().get(0).priority(), 5);
    assertTrue(f.vlanTags().get(0).dropEligible());
    assertEquals(f.vlanTags().get(0).vlanId(), 100);
    assertEquals(f.headerLength(), 22);
    assertEquals(f.payload(), Hex.parse("4500"));
    assertTrue(f.destination().isBroadcast());
    assertEquals(EthernetCodec.encode(f), data);
  }

  @Test
  public void frameShorterThanTheMacHeaderFailsAtTheTypeField() {
    byte[] data = Arrays.copyOf(frame("linux-dmvpn-hub-spoke-wan.pcap", 10), 13);
    DecodeError e = EthernetCodec.decode(data).error();
    assertEquals(e.layer(), "ethernet");
    assertEquals(e.offset(), 12);
    assertTrue(e.message().startsWith("ethertype"), e.message());
  }

  @Test
  public void vlanTagCutShortFailsAtTheTagControlField() {
    // gre-variants.pcap frame 11 cut to 15 bytes: TPID 0x8100 at 12, only one byte of the TCI at 14
    byte[] data = Arrays.copyOf(frame("gre-variants.pcap", 11), 15);
    DecodeError e = EthernetCodec.decode(data).error();
    assertEquals(e.layer(), "ethernet");
    assertEquals(e.offset(), 14);
  }

  @Test
  public void aFrameOfNothingButVlanTagsEndsWithATruncationError() {
    byte[] data = new byte[12 + 4 * 10_000];
    for (int i = 12; i < data.length; i += 4) {
      data[i] = (byte) 0x81;
    }
    DecodeResult<EthernetFrame> r = EthernetCodec.decode(ByteReader.of(data));
    assertFalse(r.isOk());
    assertEquals(r.error().offset(), data.length);
  }

  @Test
  public void macAddressTextForms() {
    MacAddress m = MacAddress.parse("AA-bb-cc-00-02-00");
    assertEquals(m.toString(), "aa:bb:cc:00:02:00");
    assertEquals(MacAddress.of(m.toBytes()), m);
    assertEquals(m.bits(), 0xaabbcc000200L);
    assertFalse(m.isMulticast());
    assertTrue(MacAddress.parse("01:80:c2:00:00:00").isMulticast());
  }

  @Test
  public void etherTypeIsAnOpenEnum() {
    assertEquals(EtherType.valueOf(0x0800), EtherType.IPV4);
    assertEquals(EtherType.valueOf(0x86dd).name(), "ipv6");
    assertEquals(EtherType.valueOf(0x1234).name(), "unknown-4660");
    assertEquals(EtherType.valueOf(0x1234).toString(), "unknown-4660(0x1234)");
    assertEquals(EtherType.valueOf(38).name(), "802.3-length-38");
    assertEquals(EtherType.valueOf(0x9000), EtherType.LOOPBACK);
  }
}
