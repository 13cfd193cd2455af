package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;

/**
 * Sequence TLV (0x0003): the neighbours that must NOT accept the next multicast packet sent with the
 * Conditional Receive flag (they are still owed earlier packets and get it by unicast). Each entry is an
 * address length (4) and an IPv4 address.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-5.3.3">RFC 7868 section 5.3.3</a>
 */
public record SequenceTlv(List<Ipv4Address> addresses) implements EigrpTlv {
  public SequenceTlv {
    addresses = List.copyOf(addresses);
  }

  public int length() {
    return 4 + 5 * addresses.size();
  }

  @Override
  public EigrpTlvType type() {
    return EigrpTlvType.SEQUENCE;
  }
}
