package dev.dmvpn.ref.bytes;

/**
 * An IPv4 address as an immutable value (kept as an int; compared and hashed by value). Used by every codec
 * that carries addresses (IPv4, ARP, NHRP, ISAKMP IDs).
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

  public static final Ipv4Address ANY = new Ipv4Address(0);

  public static Ipv4Address of(int a, int b, int c, int d) {
    return new Ipv4Address((a << 24) | (b << 16) | (c << 8) | d);
  }

  /** Parses dotted-quad text; throws {@link IllegalArgumentException} naming the bad text. */
  public static Ipv4Address parse(String text) {
    String[] parts = text.strip().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
    }
    int v = 0;
    for (String p : parts) {
      int octet;
      try {
        octet = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
      }
      if (octet < 0 || octet > 255 || p.isEmpty() || p.length() > 3) {
        throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
      }
      v = (v << 8) | octet;
    }
    return new Ipv4Address(v);
  }

  public static Ipv4Address fromBytes(byte[] b) {
    if (b.length != 4) {
      throw new IllegalArgumentException("IPv4 address needs 4 bytes, got " + b.length);
    }
    return new Ipv4Address(
        ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
  }

  public byte[] toBytes() {
    return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
  }

  @Override
  public int compareTo(Ipv4Address o) {
    return Integer.compareUnsigned(bits, o.bits);
  }

  @Override
  public String toString() {
    return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
  }
}
