package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * An address with its netmask as IOS writes them ({@code 209.168.202.225 255.255.255.224}).
 *
 * @param address the address (an interface address or a route's prefix)
 * @param mask a contiguous netmask
 */
public record AddressMask(Ipv4Address address, Ipv4Address mask) {

  public AddressMask {
    if (address == null || mask == null) {
      throw new IllegalArgumentException("address and mask are required");
    }
    if (prefixLength(mask) < 0) {
      throw new IllegalArgumentException(mask + " is not a contiguous netmask");
    }
  }

  /** The prefix length of a contiguous netmask, or -1 when the mask is not contiguous. */
  public static int prefixLength(Ipv4Address mask) {
    int m = mask.bits();
    int len = Integer.bitCount(m);
    int expected = len == 0 ? 0 : -1 << (32 - len);
    return m == expected ? len : -1;
  }

  public int prefixLength() {
    return prefixLength(mask);
  }

  /** The network address (host bits cleared). */
  public Ipv4Address network() {
    return new Ipv4Address(address.bits() & mask.bits());
  }

  /** The directed broadcast address (host bits set). */
  public Ipv4Address broadcast() {
    return new Ipv4Address(address.bits() | ~mask.bits());
  }

  public boolean contains(Ipv4Address a) {
    return (a.bits() & mask.bits()) == network().bits();
  }

  /** True when the two subnets share an address. */
  public boolean overlaps(AddressMask other) {
    int common = mask.bits() & other.mask.bits();
    return (address.bits() & common) == (other.address.bits() & common);
  }

  /** {@code 209.168.202.224/27}. */
  public String toCidr() {
    return network() + "/" + prefixLength();
  }

  @Override
  public String toString() {
    return address + " " + mask;
  }
}
