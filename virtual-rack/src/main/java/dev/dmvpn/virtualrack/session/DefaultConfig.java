package dev.dmvpn.virtualrack.session;

import dev.dmvpn.virtualrack.router.Chassis;

/**
 * The configuration an IOS 12.3 router on a 2691/3725 starts from before its startup-config: the lines the
 * document's routers show that their own configs do not set (it says they "started with a cleared (default)
 * configuration"): version, {@code service timestamps ... datetime msec} (sv9-4), boot markers,
 * {@code no aaa new-model}, {@code ip subnet-zero}, the voice HPI lines, {@code ip http server},
 * {@code no ip http secure-server}, {@code ip classless}, the three line blocks and {@code login} on the VTYs.
 * Physical interfaces start shut when there is no startup-config and up when there is one (a saved configuration
 * lists {@code shutdown} for the interfaces that are down).
 */
final class DefaultConfig {
  private DefaultConfig() {}

  static String text(Chassis chassis, boolean fromStartup) {
    StringBuilder sb = new StringBuilder();
    sb.append("version 12.3\nservice timestamps debug datetime msec\nservice timestamps log datetime msec\n")
        .append("no service password-encryption\nhostname Router\nboot-start-marker\nboot-end-marker\n")
        .append("no aaa new-model\nip subnet-zero\nno voice hpi capture buffer\n")
        .append("no voice hpi capture destination\n");
    for (String i : chassis.interfaces()) {
      sb.append("interface ").append(i).append("\n no ip address\n");
      if (!fromStartup) {
        sb.append(" shutdown\n");
      }
      if (i.startsWith("FastEthernet")) {
        sb.append(" duplex auto\n speed auto\n");
      }
    }
    sb.append("ip http server\nno ip http secure-server\nip classless\n")
        .append("line con 0\nline aux 0\nline vty 0 4\n login\nend\n");
    return sb.toString();
  }
}
