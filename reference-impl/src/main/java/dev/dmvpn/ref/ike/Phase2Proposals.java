package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.isakmp.DataAttribute;
import dev.dmvpn.ref.isakmp.IpsecAttributes;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.util.ArrayList;
import java.util.List;

/**
 * Quick-mode SA payloads: one ESP proposal per transform set (numbered 1..n, same SPI), each with one transform
 * whose attributes follow IOS order: Encapsulation Mode, SA Life Type seconds, SA Life Duration (basic when it
 * fits, 120 = 0x0078), SA Life Type kilobytes, SA Life Duration (4 bytes, 4608000 = 00 46 50 00), Authentication
 * Algorithm, [Key Length]. The responder takes the first acceptable proposal ({@link TransformSet#accepts}: a
 * transport-mode set also takes a tunnel offer) and the lower lifetimes. Over a
 * floated ISAKMP SA the mode is UDP-Tunnel/UDP-Transport: 3/4 with RFC 3947, 61443/61444 with the drafts (what
 * strongSwan and IOS send for every draft flavour).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3947#section-5.1">RFC 3947 section 5.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.5">RFC 2407 section 4.5</a>
 */
final class Phase2Proposals {
  /** A transform as the peer offered it: the suite and its lifetimes (0 = not given). */
  record Offer(TransformSet suite, long lifetimeSeconds, long lifetimeKilobytes, boolean udpEncapsulated,
      int pfsGroup) {
    Offer(TransformSet suite, long lifetimeSeconds, long lifetimeKilobytes, boolean udpEncapsulated) {
      this(suite, lifetimeSeconds, lifetimeKilobytes, udpEncapsulated, 0);
    }

    Offer(TransformSet suite, long lifetimeSeconds, long lifetimeKilobytes) {
      this(suite, lifetimeSeconds, lifetimeKilobytes, false);
    }
  }

  /**
   * The responder's choice: the peer's proposal and transform to echo, the suite, the lifetimes in force and the
   * PFS group (null: none).
   */
  record Choice(ProposalPayload proposal, TransformPayload transform, TransformSet suite, long lifetimeSeconds,
      long lifetimeKilobytes, OakleyGroup pfsGroup) {}

  private Phase2Proposals() {}

  static SaPayload offer(IpsecProfile profile, int spi) {
    return offer(profile, spi, null);
  }

  /** The offer; {@code udp} names the NAT-T flavour whose UDP encapsulation modes to use, null for plain ESP. */
  static SaPayload offer(IpsecProfile profile, int spi, VendorIds.Known udp) {
    List<ProposalPayload> proposals = new ArrayList<>();
    for (TransformSet ts : profile.transformSets()) {
      TransformPayload t = transform(ts, 1, profile.lifetimeSeconds(), profile.lifetimeKilobytes(),
          encapsulationMode(ts.mode(), udp), profile.pfsGroup());
      proposals.add(new ProposalPayload(proposals.size() + 1, ProposalPayload.PROTO_IPSEC_ESP, spiBytes(spi),
          List.of(t)));
    }
    return new SaPayload(SaPayload.DOI_IPSEC, SaPayload.SIT_IDENTITY_ONLY, proposals);
  }

  static TransformPayload transform(TransformSet ts, int number, long seconds, long kilobytes) {
    return transform(ts, number, seconds, kilobytes, encapsulationMode(ts.mode(), null));
  }

  /**
   * The Encapsulation Mode attribute value of {@code mode}: 1/2 for plain ESP ({@code udp} null), 3/4 for RFC 3947
   * UDP encapsulation, 61443/61444 for every draft flavour.
   */
  static int encapsulationMode(EspMode mode, VendorIds.Known udp) {
    boolean transport = mode == EspMode.TRANSPORT;
    if (udp == null) {
      return transport ? IpsecAttributes.MODE_TRANSPORT : IpsecAttributes.MODE_TUNNEL;
    }
    if (udp == VendorIds.Known.NAT_T_RFC3947) {
      return transport ? IpsecAttributes.MODE_UDP_TRANSPORT_RFC : IpsecAttributes.MODE_UDP_TUNNEL_RFC;
    }
    return transport ? IpsecAttributes.MODE_UDP_TRANSPORT_DRAFT : IpsecAttributes.MODE_UDP_TUNNEL_DRAFT;
  }

  static TransformPayload transform(TransformSet ts, int number, long seconds, long kilobytes, int modeValue) {
    return transform(ts, number, seconds, kilobytes, modeValue, null);
  }

  /** The transform; with {@code pfs} a Group Description attribute comes last (RFC 2407 section 4.5). */
  static TransformPayload transform(TransformSet ts, int number, long seconds, long kilobytes, int modeValue,
      OakleyGroup pfs) {
    List<DataAttribute> a = new ArrayList<>(8);
    a.add(DataAttribute.basic(IpsecAttributes.ENCAPSULATION_MODE, modeValue));
    a.add(DataAttribute.basic(IpsecAttributes.SA_LIFE_TYPE, IpsecAttributes.LIFE_SECONDS));
    a.add(DataAttribute.ofNumber(IpsecAttributes.SA_LIFE_DURATION, seconds));
    a.add(DataAttribute.basic(IpsecAttributes.SA_LIFE_TYPE, IpsecAttributes.LIFE_KILOBYTES));
    a.add(lifeKilobytes(kilobytes));
    if (ts.authenticationAlgorithm() != 0) {
      a.add(DataAttribute.basic(IpsecAttributes.AUTHENTICATION_ALGORITHM, ts.authenticationAlgorithm()));
    }
    if (ts.keyLengthBits() != 0) {
      a.add(DataAttribute.basic(IpsecAttributes.KEY_LENGTH, ts.keyLengthBits()));
    }
    if (pfs != null) {
      a.add(DataAttribute.basic(IpsecAttributes.GROUP_DESCRIPTION, pfs.id()));
    }
    return new TransformPayload(number, ts.encryption().transformId(), a);
  }

  /** IOS always sends the kilobyte lifetime as a 4-byte variable attribute. */
  private static DataAttribute lifeKilobytes(long kb) {
    byte[] v = {(byte) (kb >>> 24), (byte) (kb >>> 16), (byte) (kb >>> 8), (byte) kb};
    return DataAttribute.variable(IpsecAttributes.SA_LIFE_DURATION, v);
  }

  /** What one transform offers, or null when it needs something we do not do (unknown attributes, ...). */
  static Offer parse(TransformPayload t) {
    int group = 0;
    int auth = 0;
    int keyBits = 0;
    int mode = IpsecAttributes.MODE_TUNNEL; // RFC 2407 4.5: no default, IOS treats absent as tunnel
    long[] life = new long[3];
    int lifeType = 0;
    for (DataAttribute a : t.attributes()) {
      if (a.value().length > 8) {
        return null;
      }
      long v = a.longValue();
      switch (a.type()) {
        case IpsecAttributes.ENCAPSULATION_MODE -> mode = (int) v;
        case IpsecAttributes.AUTHENTICATION_ALGORITHM -> auth = (int) v;
        case IpsecAttributes.KEY_LENGTH -> keyBits = (int) v;
        case IpsecAttributes.GROUP_DESCRIPTION -> group = (int) v;
        case IpsecAttributes.SA_LIFE_TYPE -> lifeType = (int) v;
        case IpsecAttributes.SA_LIFE_DURATION -> {
          if (lifeType == IpsecAttributes.LIFE_SECONDS || lifeType == IpsecAttributes.LIFE_KILOBYTES) {
            life[lifeType] = v;
          }
        }
        default -> {
          return null; // anything else: not supported
        }
      }
    }
    EspEncryption enc = encryption(t.transformId(), keyBits);
    EspIntegrity integ = integrity(auth);
    EspMode m = espMode(mode);
    if (enc == null || integ == null || m == null || enc.isAead() != (integ == EspIntegrity.NONE)) {
      return null;
    }
    boolean udp = mode != IpsecAttributes.MODE_TRANSPORT && mode != IpsecAttributes.MODE_TUNNEL;
    return new Offer(new TransformSet("peer", enc, integ, m), life[1], life[2], udp, group);
  }

  /** Tunnel or transport for any of the six Encapsulation Mode values, null for others. */
  private static EspMode espMode(int mode) {
    return switch (mode) {
      case IpsecAttributes.MODE_TRANSPORT, IpsecAttributes.MODE_UDP_TRANSPORT_RFC,
          IpsecAttributes.MODE_UDP_TRANSPORT_DRAFT -> EspMode.TRANSPORT;
      case IpsecAttributes.MODE_TUNNEL, IpsecAttributes.MODE_UDP_TUNNEL_RFC,
          IpsecAttributes.MODE_UDP_TUNNEL_DRAFT -> EspMode.TUNNEL;
      default -> null;
    };
  }

  /** The first proposal of {@code peer} with a transform matching one of our transform sets, or null. */
  static Choice select(SaPayload peer, IpsecProfile profile) {
    return select(peer, profile, false);
  }

  /**
   * {@link #select(SaPayload, IpsecProfile)}; UDP encapsulation modes are acceptable only when {@code udpAllowed}
   * (the ISAKMP SA floated to 4500: there is a port pair to encapsulate with).
   */
  static Choice select(SaPayload peer, IpsecProfile profile, boolean udpAllowed) {
    for (ProposalPayload p : peer.proposals()) {
      if (p.protocolId() != ProposalPayload.PROTO_IPSEC_ESP || p.spi().length != 4) {
        continue;
      }
      for (TransformPayload t : p.transforms()) {
        Offer o = parse(t);
        if (o != null && o.udpEncapsulated() && !udpAllowed) {
          continue;
        }
        OakleyGroup pfs = o == null ? null : pfsGroup(o.pfsGroup(), profile.pfsGroup());
        boolean pfsOk = o != null && (pfs != null || o.pfsGroup() == 0 && profile.pfsGroup() == null);
        for (TransformSet mine : pfsOk ? profile.transformSets() : List.<TransformSet>of()) {
          if (mine.accepts(o.suite())) { // the SA runs in the offered mode
            return new Choice(p, t, mine.withMode(o.suite().mode()),
                lower(profile.lifetimeSeconds(), o.lifetimeSeconds()),
                lower(profile.lifetimeKilobytes(), o.lifetimeKilobytes()), pfs);
          }
        }
      }
    }
    return null;
  }

  /**
   * The PFS group agreed for an offer of group {@code offered} (0 = none): ours when both name the same; with no
   * PFS configured, as IOS documents for {@code set pfs}, an offer of group 1 or 2 is accepted; otherwise null.
   */
  static OakleyGroup pfsGroup(int offered, OakleyGroup ours) {
    if (offered == 0) {
      return null;
    }
    if (ours != null) {
      return ours.id() == offered ? ours : null;
    }
    return offered == OakleyGroup.MODP_768.id() ? OakleyGroup.MODP_768
        : offered == OakleyGroup.MODP_1024.id() ? OakleyGroup.MODP_1024 : null;
  }

  /** The lower lifetime; 0 (the peer gave none) means ours. */
  static long lower(long ours, long theirs) {
    return theirs <= 0 ? ours : Math.min(ours, theirs);
  }

  /** QM2's SA: the chosen transform alone in the peer's proposal, with our SPI. */
  static SaPayload answer(Choice c, int spi) {
    ProposalPayload p = new ProposalPayload(c.proposal().number(), ProposalPayload.PROTO_IPSEC_ESP, spiBytes(spi),
        List.of(c.transform()));
    return new SaPayload(SaPayload.DOI_IPSEC, SaPayload.SIT_IDENTITY_ONLY, List.of(p));
  }

  /** The data of a RESPONDER-LIFETIME notify (RFC 2407 4.6.3.1): life type/duration attribute pairs. */
  static byte[] lifetimeAttributes(long seconds, long kilobytes) {
    ByteWriter w = new ByteWriter(24);
    w.u16(0x8000 | IpsecAttributes.SA_LIFE_TYPE).u16(IpsecAttributes.LIFE_SECONDS);
    w.u16(IpsecAttributes.SA_LIFE_DURATION).u16(4).u32(seconds);
    w.u16(0x8000 | IpsecAttributes.SA_LIFE_TYPE).u16(IpsecAttributes.LIFE_KILOBYTES);
    w.u16(IpsecAttributes.SA_LIFE_DURATION).u16(4).u32(kilobytes);
    return w.toByteArray();
  }

  /** Parses RESPONDER-LIFETIME data into {seconds, kilobytes} (0 = absent); tolerant of odd input. */
  static long[] parseLifetimes(byte[] data) {
    long[] life = new long[3];
    int type = 0;
    int i = 0;
    while (i + 4 <= data.length) {
      int t = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
      int len = (t & 0x8000) != 0 ? 2 : ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
      int off = (t & 0x8000) != 0 ? i + 2 : i + 4;
      if (len > 8 || off + len > data.length) {
        break;
      }
      long v = 0;
      for (int k = 0; k < len; k++) {
        v = (v << 8) | (data[off + k] & 0xFF);
      }
      if ((t & 0x7FFF) == IpsecAttributes.SA_LIFE_TYPE) {
        type = (int) v;
      } else if ((t & 0x7FFF) == IpsecAttributes.SA_LIFE_DURATION && (type == 1 || type == 2)) {
        life[type] = v;
      }
      i = off + len;
    }
    return new long[] {life[1], life[2]};
  }

  static byte[] spiBytes(int spi) {
    return new byte[] {(byte) (spi >>> 24), (byte) (spi >>> 16), (byte) (spi >>> 8), (byte) spi};
  }

  static int spi(byte[] b) {
    return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
  }

  private static EspEncryption encryption(int transformId, int keyBits) {
    for (EspEncryption e : EspEncryption.values()) {
      int keyBytes = e.keyMaterialLength() - (e.isAead() ? EspEncryption.GCM_SALT_LENGTH : 0);
      boolean aes = transformId == EspEncryption.AES_CBC_128.transformId() || e.isAead();
      if (e.transformId() == transformId && (!aes || keyBytes * 8 == (keyBits == 0 ? 128 : keyBits))) {
        return e;
      }
    }
    return null;
  }

  private static EspIntegrity integrity(int auth) {
    return switch (auth) {
      case 0 -> EspIntegrity.NONE;
      case IpsecAttributes.AUTH_HMAC_MD5 -> EspIntegrity.HMAC_MD5_96;
      case IpsecAttributes.AUTH_HMAC_SHA -> EspIntegrity.HMAC_SHA1_96;
      case TransformSet.AUTH_HMAC_SHA2_256 -> EspIntegrity.HMAC_SHA256_128;
      default -> null;
    };
  }
}
