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
    int shortcutIdleSeconds) {

  /** The document's IOS 12.3 behaviour as far as it is known (see each parameter). */
  public static final NhrpOptions IOS_DEFAULTS = new NhrpOptions(true, false, 32, true, false, true, 6, 30, 0);

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
  }

  public NhrpOptions withCiscoNat(boolean flag, boolean extension) {
    return new NhrpOptions(flag, extension, registrationPrefixLength, errorIndicationOnAuthFailure,
        repliesViaNhs, answerFromRegistrations, maxResolutionAttempts, negativeHoldSeconds, shortcutIdleSeconds);
  }

  public NhrpOptions withErrorIndicationOnAuthFailure(boolean on) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength, on, repliesViaNhs,
        answerFromRegistrations, maxResolutionAttempts, negativeHoldSeconds, shortcutIdleSeconds);
  }

  public NhrpOptions withRepliesViaNhs(boolean on) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength,
        errorIndicationOnAuthFailure, on, answerFromRegistrations, maxResolutionAttempts, negativeHoldSeconds,
        shortcutIdleSeconds);
  }

  public NhrpOptions withAnswerFromRegistrations(boolean on) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength,
        errorIndicationOnAuthFailure, repliesViaNhs, on, maxResolutionAttempts, negativeHoldSeconds,
        shortcutIdleSeconds);
  }

  public NhrpOptions withShortcutIdleSeconds(int seconds) {
    return new NhrpOptions(ciscoNatFlag, ciscoNatExtension, registrationPrefixLength,
        errorIndicationOnAuthFailure, repliesViaNhs, answerFromRegistrations, maxResolutionAttempts,
        negativeHoldSeconds, seconds);
  }
}
