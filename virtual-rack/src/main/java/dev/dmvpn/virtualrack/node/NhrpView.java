package dev.dmvpn.virtualrack.node;

import dev.dmvpn.virtualrack.router.IosTime;
import java.util.List;

/**
 * {@code show ip nhrp} in the 12.3 layout: a head line {@code 192.168.1.2/32 via 192.168.1.2, Tunnel0 created
 * 00:00:12, expire 01:59:47} (or {@code never expire}), then {@code   Type: dynamic, Flags: ...} and {@code   NBMA
 * address: ...}. Source: ../shared/docs/ios-12.3-formats.md "show ip nhrp" (12.3/12.4 one line per entry head).
 */
public final class NhrpView {
  private NhrpView() {}

  public static String render(List<NhrpRow> rows) {
    StringBuilder sb = new StringBuilder();
    for (NhrpRow r : rows) {
      sb.append(r.prefix().address()).append('/').append(r.prefix().length());
      if (r.via() != null) {
        sb.append(" via ").append(r.via());
      }
      sb.append(", ").append(r.iface()).append(" created ").append(IosTime.uptime(r.created())).append(", ");
      sb.append(r.expiresIn() == null ? "never expire" : "expire " + IosTime.uptime(r.expiresIn())).append('\n');
      sb.append("  Type: ").append(r.type()).append(", Flags: ").append(r.flags()).append('\n');
      if (r.nbma() != null) {
        sb.append("  NBMA address: ").append(r.nbma()).append('\n');
      }
    }
    return sb.toString();
  }
}
