package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.ByteSlice;
import java.util.List;

/**
 * An Ethernet II (or IEEE 802.3) frame without preamble and FCS, as captures hold it.
 *
 * <pre>
 * +-----------------+-----------------+--------------------------+-----------+------------------------+
 * | Destination (6) | Source (6)      | [TPID(2) TCI(2)] x n     | Type (2)  | Payload (incl. padding)|
 * +-----------------+-----------------+--------------------------+-----------+------------------------+
 * </pre>
 *
 * <p>The payload is everything after the type field, including any padding a short frame was given to reach
 * 60 bytes: the Ethernet layer cannot tell padding from data; the IPv4 decoder uses its Total Length to
 * leave the padding unread. The payload is a {@link ByteSlice}: decoding leaves it in the captured frame
 * instead of copying it, and no accessor hands out the shared bytes; an array given to a constructor is stored
 * as given and must not be mutated.
 *
 * @param destination destination MAC address
 * @param source source MAC address
 * @param vlanTags the 802.1Q/802.1ad tags in wire order (outermost first); empty for untagged frames
 * @param etherType the type after the last tag (or an 802.3 length, see {@link EtherType#isLength()})
 * @param payloadSlice the bytes after the type field (a view, see {@link #payload()} for a copy)
 * @see <a href="https://standards.ieee.org/ieee/802.3/">IEEE 802.3 clause 3</a>
 */
public record EthernetFrame(
    MacAddress destination, MacAddress source, List<VlanTag> vlanTags, EtherType etherType, ByteSlice payloadSlice) {

  /** Length of the MAC header without tags. */
  public static final int BASE_HEADER_LENGTH = 14;

  public EthernetFrame {
    vlanTags = List.copyOf(vlanTags);
  }

  /** A frame over {@code payload}, stored without copying: the caller must not change it afterwards. */
  public EthernetFrame(
      MacAddress destination, MacAddress source, List<VlanTag> vlanTags, EtherType etherType, byte[] payload) {
    this(destination, source, vlanTags, etherType, ByteSlice.wrap(payload));
  }

  /**
   * The payload as a fresh array (a copy: changing it changes nothing here). Decoders read the shared bytes
   * through {@link #payloadSlice()} without copying.
   */
  public byte[] payload() {
    return payloadSlice.toArray();
  }

  /** An untagged frame. */
  public static EthernetFrame of(MacAddress dst, MacAddress src, EtherType type, byte[] payload) {
    return new EthernetFrame(dst, src, List.of(), type, payload);
  }

  /** Bytes before the payload: 14 plus 4 per VLAN tag. */
  public int headerLength() {
    return BASE_HEADER_LENGTH + 4 * vlanTags.size();
  }

  /** The VLAN id of the outermost tag, or -1 when untagged. */
  public int outerVlanId() {
    return vlanTags.isEmpty() ? -1 : vlanTags.get(0).vlanId();
  }

  @Override
  public String toString() {
    return "EthernetFrame[" + source + " > " + destination + (vlanTags.isEmpty() ? "" : " vlan " + vlanTags)
        + " " + etherType + ", " + payloadSlice.length() + " payload bytes]";
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof EthernetFrame x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {destination, source, vlanTags, etherType, payloadSlice};
  }
}
