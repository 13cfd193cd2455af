package dev.dmvpn.virtualrack.node;

import java.util.List;
import java.util.Locale;

/**
 * {@code show crypto isakmp sa} as 12.3 prints it: no heading, {@code dst src state conn-id slot}, no status
 * column. Source: ../shared/docs/ios-12.3-formats.md "show crypto isakmp sa" (the iosxe fixture in
 * ../shared/fixtures/ios-outputs/show_crypto_isakmp_sa is the later layout with {@code status}).
 */
public final class IsakmpSaView {
  static final String HEAD = "dst             src             state          conn-id slot";

  private IsakmpSaView() {}

  public static String render(List<IsakmpSaRow> rows) {
    StringBuilder sb = new StringBuilder(HEAD).append('\n');
    for (IsakmpSaRow r : rows) {
      sb.append(String.format(Locale.ROOT, "%-15s %-15s %-14s %7d %4d", r.dst(), r.src(), r.state(), r.connId(),
          r.slot())).append('\n');
    }
    return sb.toString();
  }
}
