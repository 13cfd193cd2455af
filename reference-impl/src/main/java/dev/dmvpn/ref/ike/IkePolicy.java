package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.isakmp.DataAttribute;
import dev.dmvpn.ref.isakmp.IkeAttributes;
import dev.dmvpn.ref.isakmp.TransformPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code crypto isakmp policy}: the Phase-1 suite offered and accepted. Authentication is always pre-shared
 * keys. Several policies per peer are tried in {@link #priority()} order (lowest number first, as IOS does).
 *
 * <p>On the wire a policy is one KEY_IKE transform with attributes in IOS order: Encryption, [Key Length],
 * Hash, Group, Authentication, Life Type (seconds), Life Duration (basic when it fits 16 bits, else 4 bytes).
 *
 * @param priority the policy number (10 in the document's {@code crypto isakmp policy 10})
 * @param lifetimeSeconds Phase-1 lifetime; IOS default {@link #DEFAULT_LIFETIME_SECONDS}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#appendix-A">RFC 2409 appendix A</a>
 */
public record IkePolicy(int priority, Ikev1Encryption encryption, HashAlgorithm hash, OakleyGroup group,
    long lifetimeSeconds) {
  /** IOS's default ISAKMP lifetime (one day). */
  public static final long DEFAULT_LIFETIME_SECONDS = 86_400;
  /** RFC 2407 section 4.5: the lifetime when the peer sends none. */
  static final long RFC_DEFAULT_LIFETIME_SECONDS = 28_800;

  public IkePolicy {
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(group, "group");
    if (lifetimeSeconds <= 0 || lifetimeSeconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("lifetime " + lifetimeSeconds + " s out of range");
    }
  }

  /** The document's {@code crypto isakmp policy 10 / hash md5 / authentication pre-share}: DES, MD5, group 1, 86400 s. */
  public static IkePolicy document() {
    return new IkePolicy(10, Ikev1Encryption.DES_CBC, HashAlgorithm.MD5, OakleyGroup.MODP_768,
        DEFAULT_LIFETIME_SECONDS);
  }

  /** True when encryption, hash and group are equal (lifetimes are negotiated separately). */
  public boolean sameSuite(IkePolicy other) {
    return encryption == other.encryption && hash == other.hash && group == other.group;
  }

  /** This policy with another lifetime. */
  public IkePolicy withLifetime(long seconds) {
    return new IkePolicy(priority, encryption, hash, group, seconds);
  }

  /** The KEY_IKE transform offering this policy. */
  public TransformPayload toTransform(int number) {
    List<DataAttribute> a = new ArrayList<>(7);
    a.add(DataAttribute.basic(IkeAttributes.ENCRYPTION_ALGORITHM, encryption.ikeId()));
    if (encryption.ikeId() == IkeAttributes.ENCR_AES_CBC) {
      a.add(DataAttribute.basic(IkeAttributes.KEY_LENGTH, encryption.keyLength() * 8));
    }
    a.add(DataAttribute.basic(IkeAttributes.HASH_ALGORITHM, hash.ikeId()));
    a.add(DataAttribute.basic(IkeAttributes.GROUP_DESCRIPTION, group.id()));
    a.add(DataAttribute.basic(IkeAttributes.AUTHENTICATION_METHOD, IkeAttributes.AUTH_PRE_SHARED_KEY));
    a.add(DataAttribute.basic(IkeAttributes.LIFE_TYPE, IkeAttributes.LIFE_SECONDS));
    a.add(DataAttribute.ofNumber(IkeAttributes.LIFE_DURATION, lifetimeSeconds));
    return new TransformPayload(number, TransformPayload.KEY_IKE, a);
  }

  /**
   * The policy a peer's KEY_IKE transform offers (priority 0), or null when it asks for something we do not do
   * (an unknown algorithm or group, or authentication other than pre-shared keys).
   */
  public static IkePolicy fromTransform(TransformPayload t) {
    if (t.transformId() != TransformPayload.KEY_IKE) {
      return null;
    }
    int enc = 0;
    int keyBits = 0;
    int auth = 0;
    HashAlgorithm hash = null;
    OakleyGroup group = null;
    long life = RFC_DEFAULT_LIFETIME_SECONDS;
    int lifeType = 0;
    for (DataAttribute a : t.attributes()) {
      long v = a.value().length <= 8 ? a.longValue() : -1;
      switch (a.type()) {
        case IkeAttributes.ENCRYPTION_ALGORITHM -> enc = (int) v;
        case IkeAttributes.KEY_LENGTH -> keyBits = (int) v;
        case IkeAttributes.HASH_ALGORITHM -> hash = HashAlgorithm.byIkeId((int) v);
        case IkeAttributes.GROUP_DESCRIPTION -> group = OakleyGroup.byId((int) v);
        case IkeAttributes.AUTHENTICATION_METHOD -> auth = (int) v;
        case IkeAttributes.LIFE_TYPE -> lifeType = (int) v;
        case IkeAttributes.LIFE_DURATION -> life = lifeType == IkeAttributes.LIFE_SECONDS ? v : life;
        default -> {
          return null; // an attribute we do not understand: RFC 2409 says reject the transform
        }
      }
    }
    Ikev1Encryption cipher = encryption(enc, keyBits);
    if (cipher == null || hash == null || group == null || auth != IkeAttributes.AUTH_PRE_SHARED_KEY
        || life <= 0 || life > 0xFFFF_FFFFL) {
      return null;
    }
    return new IkePolicy(0, cipher, hash, group, life);
  }

  static Ikev1Encryption encryption(int id, int keyBits) {
    for (Ikev1Encryption e : Ikev1Encryption.values()) {
      boolean aes = id == IkeAttributes.ENCR_AES_CBC;
      if (e.ikeId() == id && (!aes || e.keyLength() * 8 == keyBits)) {
        return e;
      }
    }
    return null;
  }

  /** "DES/MD5/group 1/86400 s", as logs and failure reasons show it. */
  public String describe() {
    return encryption + "/" + hash + "/group " + group.id() + "/" + lifetimeSeconds + " s";
  }
}
