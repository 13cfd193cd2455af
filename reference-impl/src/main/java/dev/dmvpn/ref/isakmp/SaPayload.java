package dev.dmvpn.ref.isakmp;

import java.util.List;
import java.util.Objects;

/**
 * Security Association payload (type 1) with the IPsec DOI's 32-bit situation. Labeled-domain situations
 * (SIT_SECRECY / SIT_INTEGRITY) carry extra fields and are rejected by the decoder; IKE never uses them.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                           Situation                           ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                 Proposal payloads (type 2) ...                ~
 * </pre>
 *
 * @param doi domain of interpretation ({@link #DOI_IPSEC} = 1)
 * @param situation {@link #SIT_IDENTITY_ONLY} in practice
 * @param proposals at least one proposal
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.4">RFC 2408 section 3.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.1">RFC 2407 section 4.6.1</a>
 */
public record SaPayload(int doi, int situation, List<ProposalPayload> proposals) implements IsakmpPayload {
  public static final int DOI_IPSEC = 1;
  public static final int SIT_IDENTITY_ONLY = 0x01;
  /** Situation bits that announce labeled-domain fields after the situation word. */
  public static final int SIT_LABELED = 0x06;

  public SaPayload {
    proposals = List.copyOf(Objects.requireNonNull(proposals, "proposals"));
  }

  @Override
  public PayloadType type() {
    return PayloadType.SA;
  }
}
