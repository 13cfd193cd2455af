package dev.dmvpn.ref.nhrp;

import java.util.ArrayList;
import java.util.List;

/**
 * The 16-bit flags field of the mandatory part. Bit meanings depend on the packet type (the same bit 0x8000 is
 * Q in resolution, U in registration and N in purge packets), so every query takes the type.
 *
 * <pre>
 * Resolution Request/Reply: Q 0x8000 A 0x4000 D 0x2000 U 0x1000 S 0x0800 | Cisco NAT 0x0002
 * Registration Req/Reply:   U 0x8000                                      | Cisco NAT 0x0002
 * Purge Request/Reply:      N 0x8000
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.2.1">RFC 2332 sections 5.2.1-5.2.5</a>;
 *     Cisco NAT bit from Wireshark {@code packet-nhrp.c} and FRR {@code nhrp_protocol.h}
 */
public final class NhrpFlags {
  /** Resolution: the source is a router (Q). */
  public static final int RESOLUTION_Q = 0x8000;
  /** Resolution: authoritative (A). */
  public static final int RESOLUTION_A = 0x4000;
  /** Resolution reply: destination is stable (D). */
  public static final int RESOLUTION_D = 0x2000;
  /** Resolution: unique (U). */
  public static final int RESOLUTION_U = 0x1000;
  /** Resolution: source is stable (S). */
  public static final int RESOLUTION_S = 0x0800;
  /** Registration: unique (U); IOS sets it unless {@code ip nhrp registration no-unique}. */
  public static final int REGISTRATION_U = 0x8000;
  /** Purge: no reply expected (N). */
  public static final int PURGE_N = 0x8000;
  /** Cisco: NAT supported (resolution and registration packets). */
  public static final int CISCO_NAT = 0x0002;

  /** IOS Resolution Request flags as seen on the wire: Q A S NAT = 0xC802 (capture mGRE_ICMP). */
  public static final int IOS_RESOLUTION_REQUEST = RESOLUTION_Q | RESOLUTION_A | RESOLUTION_S | CISCO_NAT;
  /** IOS Resolution Reply flags: Q A D U S NAT = 0xF802 (capture mGRE_ICMP). */
  public static final int IOS_RESOLUTION_REPLY = IOS_RESOLUTION_REQUEST | RESOLUTION_D | RESOLUTION_U;
  /** IOS 12.4+/15.x Registration Request flags: U NAT = 0x8002 (capture NHRP_registration). */
  public static final int IOS_REGISTRATION = REGISTRATION_U | CISCO_NAT;

  private static final int[] RESOLUTION_BITS = {
    RESOLUTION_Q, RESOLUTION_A, RESOLUTION_D, RESOLUTION_U, RESOLUTION_S, CISCO_NAT
  };
  private static final String[] RESOLUTION_NAMES = {"Q", "A", "D", "U", "S", "NAT"};
  private static final int[] REGISTRATION_BITS = {REGISTRATION_U, CISCO_NAT};
  private static final String[] REGISTRATION_NAMES = {"U", "NAT"};
  private static final int[] PURGE_BITS = {PURGE_N};
  private static final String[] PURGE_NAMES = {"N"};
  private static final int[] NONE = {};

  private NhrpFlags() {}

  /**
   * Names of the set flags for {@code type}, most significant bit first; bits with no meaning for that type
   * are listed as hex (e.g. {@code "0x0100"}) so nothing set is hidden.
   */
  public static List<String> names(NhrpPacketType type, int flags) {
    int[] bits = bitsFor(type);
    String[] names = namesFor(type);
    List<String> out = new ArrayList<>(4);
    int unnamed = flags & 0xFFFF;
    for (int i = 0; i < bits.length; i++) {
      if ((flags & bits[i]) != 0) {
        out.add(names[i]);
        unnamed &= ~bits[i];
      }
    }
    for (int bit = 0x8000; bit != 0; bit >>>= 1) {
      if ((unnamed & bit) != 0) {
        out.add("0x" + hex4(bit));
      }
    }
    return out;
  }

  /** The mask that means "unique" for {@code type} (0x1000 resolution, 0x8000 registration), 0 otherwise. */
  public static int uniqueMask(NhrpPacketType type) {
    if (type.isResolution()) {
      return RESOLUTION_U;
    }
    return type.isRegistration() ? REGISTRATION_U : 0;
  }

  public static boolean isUnique(NhrpPacketType type, int flags) {
    int mask = uniqueMask(type);
    return mask != 0 && (flags & mask) != 0;
  }

  public static boolean isCiscoNat(NhrpPacketType type, int flags) {
    return (type.isResolution() || type.isRegistration()) && (flags & CISCO_NAT) != 0;
  }

  private static int[] bitsFor(NhrpPacketType type) {
    if (type.isResolution()) {
      return RESOLUTION_BITS;
    }
    if (type.isRegistration()) {
      return REGISTRATION_BITS;
    }
    return type.isPurge() ? PURGE_BITS : NONE;
  }

  private static String[] namesFor(NhrpPacketType type) {
    if (type.isResolution()) {
      return RESOLUTION_NAMES;
    }
    if (type.isRegistration()) {
      return REGISTRATION_NAMES;
    }
    return type.isPurge() ? PURGE_NAMES : new String[0];
  }

  private static String hex4(int v) {
    String h = Integer.toHexString(v);
    return "0000".substring(h.length()) + h;
  }
}
