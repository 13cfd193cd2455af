package dev.dmvpn.ref.nhrp.engine;

/**
 * Behaviour that differs between IOS releases or between IOS and FRR, so tests can pin either.
 *
 * @param ciscoNatFlag set the Cisco NAT flag 0x0002 in registration and resolution requests (IOS 12.4+/15.x:
 *     0x8002 / 0xC802; ios_nhrp.pcap: 0x8000)
 * @param ciscoNatExtension add the Cisco NAT Address extension 9 to requests; the document's 12.3 debug sizes
 *     (84-byte resolution request with authentication) imply it is absent there
 * @param registrationPrefixLength CIE prefix length in registration requests: 32 (newer IOS) or 255 (older)
 * @param errorIndicationOnAuthFailure send Error Indication code 11 when authentication fails (FRR does);
 *     otherwise just drop and count
 * @param repliesViaNhs send resolution replies back to the NHS that forwarded the request (mGRE_ICMP capture)
 *     instead of directly to the requester's NBMA address (the document's 12.3 debug)
 * @param answerFromRegistrations an NHS answers resolution requests for registered (dynamic) and static entries
 *     itself (the document's hub: "nhrp_cache_lookup_comp returned ...", "Send Resolution Reply") instead of
 *     forwarding them to the registered client (the mGRE_ICMP capture's hub)
 * @param maxResolutionAttempts resolution requests sent for one destination before it is marked negative
 * @param negativeHoldSeconds how long a failed resolution stays negative before traffic may retry it
 * @param shortcutIdleSeconds cached (resolved) entries unused for this long expire; 0 = only the holdtime.
 *     IOS 12.3 has no separate idle timer: a resolved entry lives for the holdtime the answering spoke put in its
 *     reply CIE (its {@code ip nhrp holdtime}, 7200 s in the document) and the spoke-to-spoke tunnel is torn down
 *     when it expires. So the IOS default is 0 (the holdtime governs); the node tears the IPsec/ISAKMP SAs down
 *     whenever the last cached entry for a peer expires, either way. 12.4+/FRR-like behaviour can set a value.
 * @param resolutionRetrySeconds first retransmission of an unanswered Resolution Request (then doubling, same
 *     request ID). The seed: sv9-4 sends its request at 02:06:01.679 and again at 02:06:03.507 (the hub receives
 *     them 1.828 s apart); nhrp.pcapng's IOS registration retries at 1.6, 3.7, 7.7 s read as a nominal 2, 4, 8 s
 *     less timer jitter, so 2 s
 * @param delayedReplyOnRetransmission a resolution request delayed for IPsec is answered when the requester's
 *     retransmission of it arrives with the SAs up ("Process delayed resolution request"), not when the SAs come
 *     up. The seed: sv9-4 receives the 132-byte reply 4 ms after its retransmission (one hub-relayed round trip,
 *     the ping's 4 ms), and nothing between its first request and that; sv9-3 reports the delayed request
 *     "already being processed (delayed)" on the next NHRP packet. Off: answered as soon as the SAs are up
 */
public record NhrpOptions(
    boolean ciscoNatFlag,
    boolean ciscoNatExtension,
    int registrationPrefixLength,
    boolean errorIndicationOnAuthFailure,
    boolean repliesViaNhs,
    boolean answerFromRegistrations,
    int maxResolutionAttempts,
    int negativeHoldSeconds,
    int shortcutIdleSeconds,
    int resolutionRetrySeconds,
    boolean delayedReplyOnRetransmission) {

  /**
   * The behaviour this engine had before image profiles: Cisco NAT flag set, no NAT extension, registration
   * prefix 32, replies on SA-up. Tests written against it keep it; routers take their image's options
   * ({@code dev.dmvpn.ref.image.IosImage#nhrpOptions}).
   */
  public static final NhrpOptions IOS_DEFAULTS =
      new NhrpOptions(true, false, 32, true, false, true, 6, 30, 0, 1, false);

  public NhrpOptions {
    if (registrationPrefixLength != 32 && registrationPrefixLength != 255) {
      throw new IllegalArgumentException(
          "registration prefix length must be 32 or 255, got " + registrationPrefixLength);
    }
    if (maxResolutionAttempts < 1) {
      throw new IllegalArgumentException("maxResolutionAttempts must be >= 1, got " + maxResolutionAttempts);
    }
    if (negativeHoldSeconds < 1 || shortcutIdleSeconds < 0) {
      throw new IllegalArgumentException("negativeHoldSeconds must be >= 1 and shortcutIdleSeconds >= 0, got "
          + negativeHoldSeconds + " and " + shortcutIdleSeconds);
    }
    if (resolutionRetrySeconds < 1) {
      throw new IllegalArgumentException("resolutionRetrySeconds must be >= 1, got " + resolutionRetrySeconds);
    }
  }

  public NhrpOptions withCiscoNat(boolean flag, boolean extension) {
    return new NhrpOptions(flag, extension, registrationPrefixLength, errorIndicationOnAuthFailure,
        repliesViaNhs, answerFromRegistrations, maxResolutionAttempts, negativeHoldSeconds, shortcutIdleSeconds,
        resolutionRetrySeconds, delayedReplyOnRetransmission);
  }

  public NhrpOptions withRegistrationPrefixLength(int length) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, length, errorIndicationOnAuthFailure,
        repliesViaNhs, answerFromRegistrations, maxResolutionAttempts, negativeHoldSeconds, shortcutIdleSeconds,
        resolutionRetrySeconds, delayedReplyOnRetransmission);
  }

  public NhrpOptions withErrorIndicationOnAuthFailure(boolean on) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength, on, repliesViaNhs,
        answerFromRegistrations, maxResolutionAttempts, negativeHoldSeconds, shortcutIdleSeconds,
        resolutionRetrySeconds, delayedReplyOnRetransmission);
  }

  public NhrpOptions withRepliesViaNhs(boolean on) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength,
        errorIndicationOnAuthFailure, on, answerFromRegistrations, maxResolutionAttempts, negativeHoldSeconds,
        shortcutIdleSeconds, resolutionRetrySeconds, delayedReplyOnRetransmission);
  }

  public NhrpOptions withAnswerFromRegistrations(boolean on) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength,
        errorIndicationOnAuthFailure, repliesViaNhs, on, maxResolutionAttempts, negativeHoldSeconds,
        shortcutIdleSeconds, resolutionRetrySeconds, delayedReplyOnRetransmission);
  }

  public NhrpOptions withShortcutIdleSeconds(int seconds) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength,
        errorIndicationOnAuthFailure, repliesViaNhs, answerFromRegistrations, maxResolutionAttempts,
        negativeHoldSeconds, seconds, resolutionRetrySeconds, delayedReplyOnRetransmission);
  }

  public NhrpOptions withResolutionRetry(int firstSeconds, boolean replyOnRetransmission) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength,
        errorIndicationOnAuthFailure, repliesViaNhs, answerFromRegistrations, maxResolutionAttempts,
        negativeHoldSeconds, shortcutIdleSeconds, firstSeconds, replyOnRetransmission);
  }
}
