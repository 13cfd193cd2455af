package dev.dmvpn.ref.isakmp;

/**
 * One ISAKMP payload. Every payload on the wire starts with the generic header below; the records of this
 * family hold only what follows it (the body), because Next Payload and Payload Length are chain bookkeeping
 * that the codec derives on encode (from the next record's {@link #type()} and the body size).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Byte arrays held by payload records are stored as given, not copied: callers must not mutate them.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.2">RFC 2408 section 3.2</a>
 */
public sealed interface IsakmpPayload
    permits SaPayload,
        ProposalPayload,
        TransformPayload,
        KePayload,
        IdPayload,
        CertPayload,
        CertRequestPayload,
        HashPayload,
        SigPayload,
        NoncePayload,
        NotifyPayload,
        DeletePayload,
        VendorIdPayload,
        NatDPayload,
        NatOaPayload,
        UnknownPayload {

  /** The type code that the previous payload's (or the header's) Next Payload field carries for this one. */
  PayloadType type();
}
