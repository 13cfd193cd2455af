package dev.dmvpn.ref.isakmp;

import java.util.List;
import java.util.Objects;

/**
 * Transform payload (type 3), found inside a proposal.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Transform #  !  Transform-Id !           RESERVED2           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                        SA Attributes                          ~
 * </pre>
 *
 * @param number transform number
 * @param transformId {@link #KEY_IKE} in phase 1; ESP transform (e.g. 3 ESP_3DES, 12 ESP_AES) in phase 2
 * @param attributes SA attributes in wire order (order matters for byte-exact re-encoding)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.6">RFC 2408 section 3.6</a>
 */
public record TransformPayload(int number, int transformId, List<DataAttribute> attributes)
    implements IsakmpPayload {
  public static final int KEY_IKE = 1;

  public TransformPayload {
    attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
  }

  /** The first attribute of that type, or null. */
  public DataAttribute attribute(int attributeType) {
    for (DataAttribute a : attributes) {
      if (a.type() == attributeType) {
        return a;
      }
    }
    return null;
  }

  @Override
  public PayloadType type() {
    return PayloadType.T;
  }
}
