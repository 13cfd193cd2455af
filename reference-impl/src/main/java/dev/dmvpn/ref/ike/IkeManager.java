package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.esp.NatTFraming;
import dev.dmvpn.ref.esp.NatTPayload;
import dev.dmvpn.ref.isakmp.DeletePayload;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.List;

/**
 * An IKEv1 peer: many ISAKMP SAs keyed by initiator cookie, each running its exchanges as {@link Task}s. Raw
 * ISAKMP bytes go out through an {@link IkeTransport} and come in through {@link #receive}; every request that
 * expects an answer is retransmitted with doubling back-off on the {@link Scheduler}; a retransmitted request is
 * answered from the cache, never processed twice. In Main Mode only the initiator retransmits (a lost MM2/MM4/MM6
 * is recovered by the retransmitted request); in Quick Mode the responder also retransmits QM2, because nothing
 * else would recover a lost QM3. Events go to an {@link IkeListener}. IPsec SA lifetimes and
 * rekeying are handled by {@link ChildSaLifetimes}, periodic DPD by {@link DeadPeerDetection}.
 *
 * <p>NAT traversal: when NAT-D finds a NAT (or {@link NatTraversalSettings#forceUdpEncapsulation()}), IKE floats to
 * UDP 4500 from MM5 on and Quick Mode negotiates UDP-encapsulated ESP ({@link ChildSa#udpEncapsulation()}); see
 * {@link NatTraversal}. Datagrams go out through {@link IkeTransport#sendFrom} with the source port. Datagrams come
 * in through {@link #receive(Ipv4Address, int, int, byte[])} as the whole UDP payload and the local port it came
 * to: on 4500 that payload still starts with the non-ESP marker, exactly what {@link
 * dev.dmvpn.ref.esp.NatTFraming#classify} sorts (keepalives are ignored, ESP is the data plane's and is dropped
 * here). The older {@link #receive(Ipv4Address, int, byte[])} means "an ISAKMP message without marker, to port
 * 500".
 *
 * <p>Not thread-safe: call it from the scheduler's thread only (the simulated scheduler in tests).
 */
public final class IkeManager {
  private final IkeConfig config;
  private final Scheduler scheduler;
  private final RandomSource random;
  private final IkeListener listener;
  private final List<IkeTrace> traces = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final IkeSaTable sas;
  private final ChildSaLifetimes lifetimes;
  private final NatTraversal natTraversal;
  private final DeadPeerDetection dpd;
  private final TaskManager tasks;
  private long droppedMessages;
  private long keepalivesReceived;
  private long badMessages;
  /** Responder ISAKMP SAs that dropped a bad MM5 and will be given up if no good one comes ({@link #badMm5}). */
  private final java.util.Set<IkeSa> givingUp =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  public IkeManager(IkeConfig config, IkeTransport transport, Scheduler scheduler, RandomSource random,
      IkeListener listener) {
    this.config = config;
    this.scheduler = scheduler;
    this.random = random;
    this.listener = listener;
    this.sas = new IkeSaTable(random);
    this.lifetimes = new ChildSaLifetimes(this, scheduler, random, listener);
    this.natTraversal = new NatTraversal(transport, scheduler, config.natTraversal());
    this.dpd = new DeadPeerDetection(this, scheduler, random, config.dpd());
    this.tasks = new TaskManager(config, scheduler, random, natTraversal, this::exchangeTimedOut);
    this.tasks.traces = traces;
  }

  /** Adds a message-level observer ({@code debug crypto isakmp}); call on the scheduler thread. */
  public void addTrace(IkeTrace trace) {
    traces.add(trace);
  }

  public IkeConfig config() {
    return config;
  }

  /**
   * Brings up protection towards {@code peer}: Main Mode first when no ISAKMP SA is up (or coming up), then
   * Quick Mode. Returns the ISAKMP SA used.
   */
  public IkeSa connect(Ipv4Address peer) {
    IkeSa existing = sas.usableFor(peer);
    if (existing != null && existing.state() == IkeSa.State.ESTABLISHED) {
      startQuickMode(existing);
      return existing;
    }
    if (existing != null) {
      tasks.queueQuickMode(existing);
      return existing;
    }
    IkeSa sa = new IkeSa(true, sas.newCookie(), 0, config.localAddress(), peer, IkeConfig.IKE_PORT);
    tasks.queueQuickMode(sa);
    sas.add(sa);
    Exchange ex = new Exchange(0, ExchangeType.MAIN_MODE, new MainModeTask(sa, config, random));
    sa.exchanges.put(0, ex);
    buildAndSend(sa, ex);
    return sa;
  }

  /** Starts a new Quick Mode on an established ISAKMP SA (also used to rekey an IPsec SA). */
  public void startQuickMode(IkeSa sa) {
    int mid = tasks.newMessageId(sa);
    Task task = new QuickModeTask(sa, config, random, true, mid, lifetimes::allocateSpi);
    Exchange ex = new Exchange(mid, ExchangeType.QUICK_MODE, task);
    sa.exchanges.put(mid, ex);
    buildAndSend(sa, ex);
  }

  /**
   * The data plane's report that an SA of {@code child} (inbound or outbound) carried {@link
   * ChildSa#softVolumeLimitBytes()}: a Quick Mode rekey starts at once (a new Main Mode first if the ISAKMP SA is
   * gone) while the pair keeps carrying traffic until the new one is up. Cheap and idempotent: call it after every
   * packet for which {@link ChildSa#isPastSoftVolumeLimit} holds.
   */
  public void volumeSoftLimitReached(ChildSa child) {
    lifetimes.volumeSoftLimitReached(child);
  }

  /** Deletes an IPsec SA pair: tells the peer (Delete with our inbound SPI) and removes it locally. */
  public void deleteChildSa(IkeSa sa, ChildSa child) {
    if (sa.state() == IkeSa.State.ESTABLISHED) {
      sendInformational(sa, List.of(new DeletePayload(SaPayload.DOI_IPSEC, ProposalPayload.PROTO_IPSEC_ESP, 4,
          List.of(Phase2Proposals.spiBytes(child.inbound().spi())))));
    }
    lifetimes.remove(sa, child, "deleted locally");
  }

  /** Deletes an ISAKMP SA: tells the peer (Delete with CKY-I | CKY-R) and forgets it. IPsec SAs stay up. */
  public void deleteIkeSa(IkeSa sa) {
    if (sa.state() == IkeSa.State.ESTABLISHED) {
      sendInformational(sa, List.of(new DeletePayload(SaPayload.DOI_IPSEC, ProposalPayload.PROTO_ISAKMP, 16,
          List.of(cookiePair(sa)))));
    }
    removeIkeSa(sa, "deleted locally");
  }

  /** The ISAKMP SA's lifetime ran out: tell the peer (it may have kept a longer one) and forget it. */
  void expireIkeSa(IkeSa sa) {
    if (sa.state() == IkeSa.State.ESTABLISHED) {
      sendInformational(sa, List.of(new DeletePayload(SaPayload.DOI_IPSEC, ProposalPayload.PROTO_ISAKMP, 16,
          List.of(cookiePair(sa)))));
    }
    removeIkeSa(sa, "lifetime expired");
  }

  /** Sends an RFC 3706 R-U-THERE with {@code sequence}; the peer's ACK shows in {@link IkeSa}'s DPD counters. */
  public void sendDpd(IkeSa sa, int sequence) {
    sendInformational(sa, List.of(new NotifyPayload(SaPayload.DOI_IPSEC, ProposalPayload.PROTO_ISAKMP,
        cookiePair(sa), NotifyType.R_U_THERE, Phase2Proposals.spiBytes(sequence))));
  }

  /** The ISAKMP SAs currently known (connecting or established). */
  public List<IkeSa> ikeSas() {
    return sas.all();
  }

  /** Messages dropped: undecodable, unknown cookies, wrong state, unauthenticated, ESP given to IKE. */
  public long droppedMessages() {
    return droppedMessages;
  }

  /**
   * Main Mode messages that failed their sanity check and were dropped without an answer, duplicates of them
   * included (IOS: %CRYPTO-4-IKMP_BAD_MESSAGE; "phase 1 packet is a duplicate of a previous packet"). Also
   * counted in {@link #droppedMessages()}.
   */
  public long badMessages() {
    return badMessages;
  }

  /**
   * The state {@code show crypto isakmp sa} prints for {@code sa}: QM_IDLE once Phase 1 is up, else its Main
   * Mode state ({@link MainModeTask#iosState}: MM_NO_STATE, MM_SA_SETUP, MM_KEY_EXCH, MM_KEY_AUTH). Read-only.
   */
  public String iosState(IkeSa sa) {
    if (sa.state() == IkeSa.State.ESTABLISHED) {
      return "QM_IDLE";
    }
    Exchange ex = sa.exchanges.get(0);
    return ex != null && ex.task instanceof MainModeTask mm ? mm.iosState() : "MM_NO_STATE";
  }

  /** NAT-keepalives (0xFF on port 4500) received and ignored. */
  public long keepalivesReceived() {
    return keepalivesReceived;
  }

  /**
   * The data plane received authenticated traffic (ESP) from {@code peer}: proof of life that suppresses periodic
   * DPD towards it. Cheap enough to call per packet.
   */
  public void trafficReceived(Ipv4Address peer) {
    dpd.trafficReceived(peer);
  }

  /** Handles one received ISAKMP message (the UDP payload, no non-ESP marker) sent to our port 500. */
  public void receive(Ipv4Address peer, int port, byte[] bytes) {
    receiveIsakmp(peer, port, IkeConfig.IKE_PORT, bytes);
  }

  /**
   * Handles one received UDP payload from {@code peer:peerPort} to our {@code localPort}. On 4500 it is classified
   * as {@link NatTFraming} does: an IKE message behind the non-ESP marker is processed (marker removed), a
   * NAT-keepalive is counted and ignored, anything else (ESP belongs to the data plane) is dropped. On any other
   * port the payload is the ISAKMP message itself.
   */
  public void receive(Ipv4Address peer, int peerPort, int localPort, byte[] udpPayload) {
    if (localPort != IkeConfig.NAT_T_PORT) {
      receiveIsakmp(peer, peerPort, localPort, udpPayload);
      return;
    }
    DecodeResult<NatTPayload> c = NatTFraming.classify(udpPayload);
    if (c.isOk() && c.value() instanceof NatTPayload.Ike ike) {
      receiveIsakmp(peer, peerPort, localPort, ike.message());
    } else if (c.isOk() && c.value() instanceof NatTPayload.Keepalive) {
      keepalivesReceived++;
    } else {
      droppedMessages++;
    }
  }

  private void receiveIsakmp(Ipv4Address peer, int port, int localPort, byte[] bytes) {
    DecodeResult<IsakmpMessage> decoded = IsakmpCodec.decode(bytes);
    if (!decoded.isOk()) {
      droppedMessages++;
      return;
    }
    IsakmpMessage m = decoded.value();
    IsakmpHeader h = m.header();
    IkeSa sa = findOrCreate(peer, port, h);
    if (sa == null) {
      droppedMessages++;
      return;
    }
    if (h.exchangeType().equals(ExchangeType.INFORMATIONAL) && !m.encrypted()) {
      handlePlainNotify(sa, m);
      return;
    }
    if (m.encrypted() && awaitingMm6(sa) && !h.exchangeType().equals(ExchangeType.MAIN_MODE)) {
      answerToMm5(sa, m, bytes);
      return;
    }
    Exchange ex = exchangeFor(sa, h);
    if (ex == null) {
      droppedMessages++;
    } else if (tasks.isDuplicate(ex, bytes)) {
      if (!sa.isInitiator() && !ex.answered && ex.task instanceof MainModeTask) {
        badMessages++;
        droppedMessages++;
        listener.phase1BadMessage(peer, "phase 1 packet is a duplicate of a previous packet (one that failed its "
            + "sanity check)");
      }
      tasks.answerDuplicate(sa, ex);
    } else if (ex.complete || m.encrypted() != ex.task.encryptsNext() || (m.encrypted() && sa.protection() == null)) {
      droppedMessages++;
    } else {
      process(sa, ex, m, bytes, localPort, port);
    }
  }

  private IkeSa findOrCreate(Ipv4Address peer, int port, IsakmpHeader h) {
    IkeSa sa = sas.get(h.initiatorCookie());
    if (sa == null) {
      boolean mm1 = h.exchangeType().equals(ExchangeType.MAIN_MODE) && h.responderCookie() == 0
          && h.messageId() == 0 && !h.encrypted();
      if (!mm1) {
        return null;
      }
      sa = new IkeSa(false, h.initiatorCookie(), sas.newCookie(), config.localAddress(), peer, port);
      sas.add(sa);
      sa.exchanges.put(0, new Exchange(0, ExchangeType.MAIN_MODE, new MainModeTask(sa, config, random)));
      return sa;
    }
    if (!sa.peerAddress().equals(peer)) {
      return null;
    }
    if (sa.responderCookie() == 0 && sa.isInitiator() && h.exchangeType().equals(ExchangeType.MAIN_MODE)) {
      sa.responderCookie(h.responderCookie()); // MM2 names the responder's cookie
    }
    boolean plainNotify = h.exchangeType().equals(ExchangeType.INFORMATIONAL) && !h.encrypted();
    boolean mm1Again = !sa.isInitiator() && h.responderCookie() == 0 && h.messageId() == 0;
    return h.responderCookie() == sa.responderCookie() || plainNotify || mm1Again ? sa : null;
  }

  private Exchange exchangeFor(IkeSa sa, IsakmpHeader h) {
    Exchange ex = sa.exchanges.get(h.messageId());
    if (ex != null || sa.state() != IkeSa.State.ESTABLISHED || h.messageId() == 0) {
      return ex != null && ex.type.equals(h.exchangeType()) ? ex : null;
    }
    if (h.exchangeType().equals(ExchangeType.QUICK_MODE)) {
      ex = new Exchange(h.messageId(), ExchangeType.QUICK_MODE,
          new QuickModeTask(sa, config, random, false, h.messageId(), lifetimes::allocateSpi));
      sa.exchanges.put(h.messageId(), ex);
      return ex;
    }
    if (h.exchangeType().equals(ExchangeType.INFORMATIONAL)) {
      return new Exchange(h.messageId(), ExchangeType.INFORMATIONAL, new InformationalTask(sa, h.messageId(),
          List.of()));
    }
    return null;
  }

  private void process(IkeSa sa, Exchange ex, IsakmpMessage m, byte[] bytes, int localPort, int peerPort) {
    DecodeResult<InboundMessage> opened = MessageFraming.open(sa, m, bytes);
    tasks.received(ex, bytes);
    if (ex.task instanceof MainModeTask mm && mm.awaitsMm5()) {
      String insane = opened.isOk() ? mm.mm5SanityCheck(opened.value())
          : "MM5 does not decrypt to valid payloads (pre-shared key?): " + opened.error();
      if (insane != null) {
        badMm5(sa, insane);
        return;
      }
    }
    Task.Status status;
    if (!opened.isOk()) {
      status = ex.task instanceof MainModeTask mm ? mm.undecodable(opened.error().toString())
          : Task.Status.FAILED;
    } else {
      status = ex.task.process(opened.value());
    }
    if (opened.isOk()) {
      for (IkeTrace t : traces) {
        t.received(sa, ex.messageId, ex.type, opened.value().payloads(), status != Task.Status.FAILED);
      }
    }
    if (status != Task.Status.FAILED && opened.isOk()) { // authenticated (or part of Main Mode so far)
      NatTraversal.follow(sa, localPort, peerPort);
      dpd.heard(sa);
    }
    if (status == Task.Status.NEED_MORE) {
      ex.answered = true;
      buildAndSend(sa, ex);
      if (ex.task instanceof QuickModeTask qm && qm.awaitsQm3() && qm.resultIfMade() == null) {
        listener.inboundSaReady(sa, qm.result(scheduler.clock().nanoTime()));
      }
    } else {
      after(sa, ex, status, opened.isOk() ? null : opened.error().toString());
    }
  }

  private void buildAndSend(IkeSa sa, Exchange ex) {
    Task.Status status = tasks.send(sa, ex);
    if (status != Task.Status.NEED_MORE) {
      after(sa, ex, status, null);
    }
  }

  private void after(IkeSa sa, Exchange ex, Task.Status status, String undecodable) {
    ex.complete = true;
    if (status == Task.Status.SUCCESS) {
      complete(sa, ex);
      return;
    }
    Task.Failure f = ex.task.failure();
    String reason = f != null ? f.reason() : ex.type + " message does not decrypt: " + undecodable;
    if (ex.type.equals(ExchangeType.MAIN_MODE)) {
      if (f != null && f.notification() != null) {
        sendPlainNotify(sa, f.notification());
      }
      failPhase1(sa, reason);
    } else if (ex.type.equals(ExchangeType.QUICK_MODE)) {
      finishExchange(sa, ex);
      abandonInbound(sa, ex, reason);
      if (f != null && f.notification() != null) {
        sendInformational(sa, List.of(new NotifyPayload(SaPayload.DOI_IPSEC, ProposalPayload.PROTO_IPSEC_ESP,
            new byte[0], f.notification(), new byte[0])));
      }
      listener.phase2Failed(sa, reason);
    } else {
      droppedMessages++; // an unauthenticated informational: ignored
    }
  }

  private void complete(IkeSa sa, Exchange ex) {
    if (ex.task instanceof MainModeTask) {
      sa.established(scheduler.clock().nanoTime());
      lifetimes.scheduleIkeSaExpiry(sa);
      natTraversal.start(sa);
      dpd.start(sa);
      listener.phase1Up(sa);
      if (tasks.takeQueuedQuickMode(sa)) {
        startQuickMode(sa);
      }
    } else if (ex.task instanceof QuickModeTask qm) {
      finishExchange(sa, ex);
      lifetimes.install(sa, qm.result(scheduler.clock().nanoTime()));
    } else if (ex.task instanceof InformationalTask info) {
      sa.protection().forget(ex.messageId);
      handleInformational(sa, info);
    }
  }

  private void finishExchange(IkeSa sa, Exchange ex) {
    tasks.finish(sa, ex);
  }

  private void handleInformational(IkeSa sa, InformationalTask info) {
    for (DeletePayload d : info.deletes()) {
      if (d.protocolId() == ProposalPayload.PROTO_ISAKMP) {
        removeIkeSa(sa, "deleted by peer");
        return;
      }
      for (byte[] spi : d.spis()) {
        lifetimes.removeByOutboundSpi(sa, spi.length == 4 ? Phase2Proposals.spi(spi) : 0, "deleted by peer");
      }
    }
    for (NotifyPayload n : info.notifies()) {
      if (n.notifyType().equals(NotifyType.R_U_THERE)) {
        sendInformational(sa, List.of(InformationalTask.dpdAck(n)));
      } else if (n.notifyType().equals(NotifyType.R_U_THERE_ACK)) {
        sa.dpdAcks++;
      } else if (n.notifyType().isError()) {
        failQuickModes(sa, "peer rejected Quick Mode with " + n.notifyType());
      }
    }
  }

  private void failQuickModes(IkeSa sa, String reason) {
    for (Exchange ex : List.copyOf(sa.exchanges.values())) {
      if (!ex.complete && ex.task instanceof QuickModeTask qm && qm.isInitiator()) {
        ex.complete = true;
        finishExchange(sa, ex);
        listener.phase2Failed(sa, reason);
      }
    }
  }

  /** An unprotected notification: believed only while Main Mode runs (nothing could authenticate it then). */
  private void handlePlainNotify(IkeSa sa, IsakmpMessage m) {
    NotifyPayload n = m.first(NotifyPayload.class);
    if (sa.state() != IkeSa.State.CONNECTING || n == null || !n.notifyType().isError()) {
      droppedMessages++;
      return;
    }
    Exchange ex = sa.exchanges.get(0);
    String sent = ex == null || ex.lastSentName == null ? "Main Mode" : ex.lastSentName;
    failPhase1(sa, MainModeTask.refusal(n.notifyType()) + ": peer answered " + sent + " with " + n.notifyType());
  }

  /** Initiator, MM5 sent: the keys exist, only MM6 is still due. */
  private static boolean awaitingMm6(IkeSa sa) {
    Exchange ex = sa.exchanges.get(0);
    return sa.state() == IkeSa.State.CONNECTING && sa.protection() != null && ex != null && !ex.complete
        && ex.task instanceof MainModeTask mm && mm.awaitsMm6();
  }

  /**
   * An encrypted message other than MM6 after MM5 ({@link MainModeTask#answerToMm5} says what it means): fail at
   * once and send nothing (the peer could not read it either), or drop it when it ends nothing.
   */
  private void answerToMm5(IkeSa sa, IsakmpMessage m, byte[] bytes) {
    DecodeResult<InboundMessage> opened = MessageFraming.open(sa, m, bytes);
    sa.protection().forget(m.header().messageId());
    InformationalTask info = new InformationalTask(sa, m.header().messageId(), List.of());
    boolean authentic = opened.isOk() && info.process(opened.value()) == Task.Status.SUCCESS;
    String failure = MainModeTask.answerToMm5(authentic, info);
    if (failure == null) {
      droppedMessages++; // authentic but nothing that ends Main Mode: MM6 may still come
    } else {
      failPhase1(sa, failure);
    }
  }

  /**
   * Responder: MM5 failed its sanity check (the initiator holds another pre-shared key). As IOS: drop it, answer
   * nothing, stay in MM_KEY_EXCH; the initiator retransmits MM5 and gives up ("retransmitting phase 1
   * MM_KEY_EXCH..."). The half-open SA is forgotten once the initiator's whole retransmission schedule (the same
   * configuration's) has passed without a good MM5.
   */
  private void badMm5(IkeSa sa, String reason) {
    badMessages++;
    droppedMessages++;
    listener.phase1BadMessage(sa.peerAddress(), reason);
    if (!givingUp.add(sa)) {
      return;
    }
    Duration span = config.firstRetransmit().multipliedBy((1L << Math.min(config.maxRetransmits() + 1, 17)) - 1);
    scheduler.schedule(span, () -> {
      givingUp.remove(sa);
      if (sa.state() == IkeSa.State.CONNECTING) {
        failPhase1(sa, "authentication failed (pre-shared key?): no MM5 that passed its sanity check within "
            + span.toSeconds() + " s (" + reason + ")");
      }
    });
  }

  private void failPhase1(IkeSa sa, String reason) {
    givingUp.remove(sa);
    removeIkeSa(sa, null);
    listener.phase1Failed(sa.peerAddress(), reason);
  }

  /** Periodic DPD gave up: the peer's IPsec SAs and the ISAKMP SA go (locally: the peer cannot hear us). */
  void peerDead(IkeSa sa) {
    String reason = "peer dead (DPD)";
    for (ChildSa c : sa.childSasInternal()) {
      lifetimes.remove(sa, c, reason);
    }
    removeIkeSa(sa, reason);
    listener.peerDead(sa);
  }

  /** Forgets an ISAKMP SA; {@code reason} null means it never came up (no ikeSaDeleted event). */
  void removeIkeSa(IkeSa sa, String reason) {
    if (sa.state() == IkeSa.State.DEAD) {
      return;
    }
    boolean wasUp = sa.state() == IkeSa.State.ESTABLISHED;
    sa.state(IkeSa.State.DEAD);
    sas.remove(sa);
    tasks.forget(sa);
    for (Exchange ex : List.copyOf(sa.exchanges.values())) {
      ex.cancelRetransmit();
      if (!ex.complete) {
        abandonInbound(sa, ex, reason == null ? "ISAKMP SA gone" : reason);
      }
    }
    if (sa.expiryTimer != null) {
      sa.expiryTimer.cancel();
    }
    natTraversal.stop(sa);
    dpd.stop(sa);
    if (wasUp && reason != null) {
      listener.ikeSaDeleted(sa, reason);
    }
  }

  /** A responder Quick Mode that handed out its inbound SA ({@link IkeListener#inboundSaReady}) failed. */
  private void abandonInbound(IkeSa sa, Exchange ex, String reason) {
    if (ex.task instanceof QuickModeTask qm && !qm.isInitiator() && qm.resultIfMade() != null) {
      ChildSa child = qm.resultIfMade();
      if (child.state() == ChildSa.State.INSTALLED) {
        lifetimes.abandon(sa, child, reason);
      }
    }
  }

  /** {@link TaskManager.Timeouts}: a request stayed unanswered. */
  private void exchangeTimedOut(IkeSa sa, Exchange ex, String reason) {
    if (ex.type.equals(ExchangeType.MAIN_MODE)) {
      failPhase1(sa, reason);
    } else {
      finishExchange(sa, ex);
      abandonInbound(sa, ex, reason);
      listener.phase2Failed(sa, reason);
    }
  }

  void sendInformational(IkeSa sa, List<IsakmpPayload> payloads) {
    int mid = tasks.newMessageId(sa);
    Exchange ex = new Exchange(mid, ExchangeType.INFORMATIONAL, new InformationalTask(sa, mid, payloads));
    buildAndSend(sa, ex);
  }

  private void sendPlainNotify(IkeSa sa, NotifyType type) {
    NotifyPayload n = new NotifyPayload(SaPayload.DOI_IPSEC, ProposalPayload.PROTO_ISAKMP, cookiePair(sa), type,
        new byte[0]);
    byte[] bytes = MessageFraming.encode(sa, ExchangeType.INFORMATIONAL, tasks.newMessageId(sa), List.of(n), false);
    natTraversal.send(sa, bytes);
  }

  private static byte[] cookiePair(IkeSa sa) {
    byte[] spi = new byte[16];
    System.arraycopy(sa.initiatorCookieBytes(), 0, spi, 0, 8);
    System.arraycopy(sa.responderCookieBytes(), 0, spi, 8, 8);
    return spi;
  }

}
