package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpCieCode;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;

/**
 * Registers this spoke with one NHS (RFC 2332 5.2.3, IOS timing). {@link RegistrationState} names what it waits
 * for; every transition is a method below, never hidden in a timer callback.
 *
 * <ul>
 *   <li>A new registration takes a new request ID; an unanswered one is retransmitted with the <b>same</b> ID
 *       (Cisco requires it) after 1, 2, 4, ..., 64, 64, ... seconds.
 *   <li>A success reply moves to REGISTERED and schedules a refresh (new ID) after the registration timeout.
 *   <li>A reply with a non-zero CIE code (e.g. 14, unique address already registered) moves to BACKOFF; the next
 *       registration starts after 1, 2, 4, ..., 64 s of consecutive failures.
 * </ul>
 */
public final class NhsRegistrar {
  private final NhrpContext ctx;
  private final NhrpNhs nhs;
  private final Ipv4Address nhsNbma;
  private final Backoff retries = new Backoff();
  private final Backoff failures = new Backoff();
  private RegistrationState state = RegistrationState.IDLE;
  private Scheduler.Timer timer;
  private long requestId = -1;
  private int attempt;
  private long registeredAtNanos = -1;

  NhsRegistrar(NhrpContext ctx, NhrpNhs nhs) {
    this.ctx = ctx;
    this.nhs = nhs;
    this.nhsNbma = ctx.config.nhsNbma(nhs);
  }

  /** Starts registering (IDLE only; otherwise nothing changes). */
  public void start() {
    if (state == RegistrationState.IDLE) {
      startRegistration();
    }
  }

  /** Stops all timers and returns to IDLE (the registration at the NHS simply times out). */
  public void stop() {
    cancelTimer();
    state = RegistrationState.IDLE;
  }

  public RegistrationState state() {
    return state;
  }

  public NhrpNhs nhs() {
    return nhs;
  }

  public Ipv4Address nhsNbma() {
    return nhsNbma;
  }

  /** The request ID of the current (or last) registration, -1 before the first. */
  public long requestId() {
    return requestId;
  }

  /** Whether the last successful registration is still within its holdtime (also true while refreshing). */
  public boolean registered() {
    return registeredAtNanos >= 0
        && ctx.scheduler.clock().nanoTime() - registeredAtNanos
            < Duration.ofSeconds(ctx.config.holdtimeSeconds()).toNanos();
  }

  private void startRegistration() {
    requestId = ctx.newRequestId();
    attempt = 0;
    retries.reset();
    state = RegistrationState.REGISTERING;
    sendAttempt();
  }

  private void sendAttempt() {
    attempt++;
    NhrpPacket p = ctx.packets.registrationRequest(nhs.protocol(), nhsNbma, requestId);
    ctx.send(nhsNbma, p);
    ctx.log.record(NhrpEventType.REGISTRATION_SENT, nhsNbma, nhs.protocol(), requestId, "attempt " + attempt);
    timer = ctx.scheduler.schedule(retries.next(), this::onNoReply);
  }

  private void onNoReply() {
    timer = null;
    ctx.log.record(NhrpEventType.REGISTRATION_FAILED, nhsNbma, nhs.protocol(), requestId,
        "no reply to attempt " + attempt);
    sendAttempt();
  }

  /** A Registration Reply from this NHS (dispatched by the engine on its destination protocol address). */
  void onReply(Ipv4Address nbmaSource, NhrpPacket reply) {
    long id = reply.mandatoryPart().requestId();
    if (state != RegistrationState.REGISTERING || id != requestId) {
      ctx.drop(nbmaSource, reply, "unexpected registration reply id " + id + " in state " + state);
      return;
    }
    NhrpCie cie = reply.mandatoryPart().firstCie();
    NhrpCieCode code = cie == null ? NhrpCieCode.SUCCESS : cie.code();
    cancelTimer();
    if (code.value() == 0) {
      onSuccess();
    } else {
      onRejected(code);
    }
  }

  private void onSuccess() {
    state = RegistrationState.REGISTERED;
    registeredAtNanos = ctx.scheduler.clock().nanoTime();
    failures.reset();
    ctx.log.record(NhrpEventType.REGISTRATION_ANSWERED, nhsNbma, nhs.protocol(), requestId, "code 0");
    Duration refresh = Duration.ofSeconds(ctx.config.registrationTimeoutSeconds());
    timer = ctx.scheduler.schedule(refresh, this::onRefreshDue);
  }

  private void onRejected(NhrpCieCode code) {
    state = RegistrationState.BACKOFF;
    ctx.log.record(NhrpEventType.REGISTRATION_FAILED, nhsNbma, nhs.protocol(), requestId,
        "code " + code.value() + " " + code.name());
    timer = ctx.scheduler.schedule(failures.next(), this::onBackoffOver);
  }

  private void onRefreshDue() {
    timer = null;
    startRegistration();
  }

  private void onBackoffOver() {
    timer = null;
    startRegistration();
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }
}
