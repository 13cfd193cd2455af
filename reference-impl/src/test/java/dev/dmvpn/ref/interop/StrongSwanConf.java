package dev.dmvpn.ref.interop;

import java.nio.file.Path;

/** strongswan.conf texts for the interop charons. */
final class StrongSwanConf {
  private StrongSwanConf() {}

  /**
   * Userspace IPsec (kernel-libipsec, ESP through a TUN device) in a namespace, vici socket and log in {@code dir}.
   * kernel-libipsec must precede kernel-netlink in {@code load} to be the IPsec backend; allow_peer_ts and the
   * fwmarks let it carry traffic between the two peer addresses themselves (GRE): IKE/ESP-in-UDP sockets carry mark
   * 0x42, and routing table 220 (routes into ipsec0) is skipped for marked packets.
   */
  static String libipsec(Path dir) {
    return "charon {\n"
        + "  load_modular = no\n"
        + "  load = random nonce openssl gmp aes sha1 sha2 md5 hmac kdf pem pkcs1 x509 pubkey"
        + " kernel-libipsec kernel-netlink socket-default vici updown\n"
        + "  install_virtual_ip = no\n"
        + "  plugins {\n"
        + "    vici { socket = unix://" + dir.resolve("charon.vici") + " }\n"
        + "    kernel-libipsec { allow_peer_ts = yes }\n"
        + "    socket-default { fwmark = 0x42 }\n"
        + "    kernel-netlink { fwmark = !0x42 }\n"
        + "  }\n"
        + "  filelog {\n"
        + "    log { path = " + dir.resolve("charon.log") + "\n"
        + "          time_format = %T\n"
        + "          default = 1\n"
        + "          ike = 1\n"
        + "          esp = 1\n"
        + "          flush_line = yes }\n"
        + "  }\n"
        + "}\n"
        + "# swanctl reads this file too (STRONGSWAN_CONF): only the plugins it needs\n"
        + "swanctl {\n"
        + "  load = pem pkcs1 x509 pubkey random openssl\n"
        + "}\n";
  }
}
