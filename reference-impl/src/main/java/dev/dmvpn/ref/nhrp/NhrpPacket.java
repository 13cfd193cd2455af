package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteContent;
import java.util.List;

/**
 * One NHRP packet: fixed header, body, extensions in wire order (an {@link NhrpExtension.End} included when
 * present) and any bytes after the End extension up to {@code ar$pktsz} (opennhrp pads Error Indications
 * with 16 zero bytes there for Cisco).
 *
 * @param header the fixed header as decoded (or a template when building: size, checksum and extension offset
 *     are recomputed on encode)
 * @param body the mandatory part / indication body / opaque bytes
 * @param extensions the extensions, in order; empty means {@code ar$extoff} 0
 * @param trailer bytes after the End extension (usually empty); must not be mutated
 * @param checksumValid whether the received checksum verified over {@code ar$pktsz} bytes; {@code true} for
 *     packets built in memory, whose checksum encode computes
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5">RFC 2332 section 5</a>
 */
public record NhrpPacket(
    NhrpFixedHeader header,
    NhrpBody body,
    List<NhrpExtension> extensions,
    byte[] trailer,
    boolean checksumValid) {

  /** A packet to be encoded (checksum computed on encode, no trailer). */
  public NhrpPacket(NhrpFixedHeader header, NhrpBody body, List<NhrpExtension> extensions) {
    this(header, body, List.copyOf(extensions), NhrpAddresses.EMPTY, true);
  }

  public NhrpPacketType type() {
    return header.type();
  }

  /** The mandatory part (types 1-6); throws {@link IllegalStateException} for other bodies. */
  public NhrpMandatoryPart mandatoryPart() {
    if (body instanceof NhrpMandatoryPart m) {
      return m;
    }
    throw new IllegalStateException(type() + " has no mandatory part");
  }

  /** The first extension of the given class, or {@code null}. */
  public <T extends NhrpExtension> T extension(Class<T> kind) {
    for (NhrpExtension e : extensions) {
      if (kind.isInstance(e)) {
        return kind.cast(e);
      }
    }
    return null;
  }

  /** The extension type codes in wire order, e.g. [3, 4, 5, 7, 9, 0] for IOS. */
  public int[] extensionTypes() {
    int[] out = new int[extensions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = extensions.get(i).type().value();
    }
    return out;
  }

  /** A copy with other extensions (e.g. a forwarding NHS appending to a transit record). */
  public NhrpPacket withExtensions(List<NhrpExtension> newExtensions) {
    return new NhrpPacket(header, body, List.copyOf(newExtensions), trailer, checksumValid);
  }

  /** A copy with another hop count. */
  public NhrpPacket withHopCount(int hops) {
    return new NhrpPacket(header.withHopCount(hops), body, extensions, trailer, checksumValid);
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NhrpPacket x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {header, body, extensions, trailer, checksumValid};
  }
}
