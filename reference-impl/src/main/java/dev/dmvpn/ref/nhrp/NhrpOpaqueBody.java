package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteContent;

/**
 * The body of a packet of unknown type, kept as bytes (from the end of the fixed header to the extension
 * offset, or the packet end).
 *
 * @param bytes the body; must not be mutated
 */
public record NhrpOpaqueBody(byte[] bytes) implements NhrpBody {

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof NhrpOpaqueBody x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {bytes};
  }
}
