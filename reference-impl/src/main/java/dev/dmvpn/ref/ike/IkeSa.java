package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.Ikev1Keys;
import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.VendorIds;
import dev.dmvpn.ref.time.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ISAKMP (Phase-1) SA: cookies, addresses, the negotiated policy, keys and IVs, its exchanges in progress by
 * message ID and the IPsec SAs it created. Owned and mutated by {@link IkeManager} on the scheduler's thread.
 */
public final class IkeSa {
  /** Life cycle of the ISAKMP SA. */
  public enum State {
    /** Waiting for Main Mode to complete (MM1..MM6). */
    CONNECTING,
    /** Authenticated: waiting for Quick Mode / Informational exchanges and for the lifetime to run out. */
    ESTABLISHED,
    /** Failed, expired or deleted: gone from the manager, waiting for nothing. */
    DEAD
  }

  private final boolean initiator;
  private final long initiatorCookie;
  private final Ipv4Address localAddress;
  private final Ipv4Address peerAddress;
  private int peerPort;
  private int localPort = IkeConfig.IKE_PORT;
  final Map<Integer, Exchange> exchanges = new HashMap<>();
  final List<ChildSa> children = new ArrayList<>();
  private long responderCookie;
  private State state = State.CONNECTING;
  private IkePolicy policy;
  private Ikev1Keys keys;
  private MessageProtection protection;
  private long establishedNanos;
  Scheduler.Timer expiryTimer;
  /** True when the peer sent the IOS per-SA vendor ID ("speaking to another IOS box"). */
  boolean peerIsIos;
  /** True when the peer advertised RFC 3706 DPD. */
  boolean peerSupportsDpd;
  /** The NAT-T flavour both sides advertised (MM1/MM2 vendor IDs); null when none is shared. */
  VendorIds.Known natTraversal;
  /** NAT-D: the peer saw our address or port rewritten (or we force encapsulation and pretend so). */
  boolean localBehindNat;
  /** NAT-D: the peer's address or port was rewritten on the way to us (or the peer forces encapsulation). */
  boolean peerBehindNat;
  /** NAT-keepalive timer (only on the side behind a NAT, once floated). */
  Scheduler.Timer keepaliveTimer;
  /** NAT-keepalives sent. */
  int keepalivesSent;
  /** Periodic DPD: when the peer was last heard from (authenticated IKE), on the manager's clock. */
  long lastHeardNanos;
  /** Periodic DPD: the timer, R-U-THEREs sent unanswered, the last sequence number used (0 = none yet). */
  Scheduler.Timer dpdTimer;
  int dpdUnanswered;
  long dpdSentNanos;
  int dpdSequence;
  int dpdRequestsSent;
  /** R-U-THERE-ACKs received. */
  int dpdAcks;

  IkeSa(boolean initiator, long initiatorCookie, long responderCookie, Ipv4Address localAddress,
      Ipv4Address peerAddress, int peerPort) {
    this.initiator = initiator;
    this.initiatorCookie = initiatorCookie;
    this.responderCookie = responderCookie;
    this.localAddress = localAddress;
    this.peerAddress = peerAddress;
    this.peerPort = peerPort;
  }

  /** True when we sent MM1. */
  public boolean isInitiator() {
    return initiator;
  }

  public long initiatorCookie() {
    return initiatorCookie;
  }

  /** 0 until MM2 is sent or received. */
  public long responderCookie() {
    return responderCookie;
  }

  public Ipv4Address localAddress() {
    return localAddress;
  }

  public Ipv4Address peerAddress() {
    return peerAddress;
  }

  public int peerPort() {
    return peerPort;
  }

  public State state() {
    return state;
  }

  /** The negotiated suite with the lifetime in force (the lower of both sides'); null before MM2. */
  public IkePolicy policy() {
    return policy;
  }

  /** SKEYID and friends; null before MM3/MM4. The arrays are shared: do not modify them. */
  public Ikev1Keys keys() {
    return keys;
  }

  /** The IPsec SAs this ISAKMP SA negotiated that are still alive (oldest first). */
  public List<ChildSa> childSas() {
    return List.copyOf(children);
  }

  /** How many RFC 3706 R-U-THERE-ACKs the peer sent. */
  public int dpdAcks() {
    return dpdAcks;
  }

  List<ChildSa> childSasInternal() {
    return new ArrayList<>(children);
  }

  /** True when the peer identified itself as IOS with the per-SA vendor ID. */
  public boolean peerIsIos() {
    return peerIsIos;
  }

  /** True when NAT-D showed an address or port rewritten on the way, in either direction (or forced). */
  public boolean natDetected() {
    return localBehindNat || peerBehindNat;
  }

  /** True when we are behind the NAT (so we send NAT-keepalives), or pretend to be because encapsulation is forced. */
  public boolean localBehindNat() {
    return localBehindNat;
  }

  /** True when the peer is behind a NAT as NAT-D showed it (or it forces encapsulation). */
  public boolean peerBehindNat() {
    return peerBehindNat;
  }

  /** Our UDP port for this SA: 500, or 4500 once floated. */
  public int localPort() {
    return localPort;
  }

  /** True once IKE floated to UDP 4500 (from MM5 on): IPsec SAs it negotiates are UDP-encapsulated. */
  public boolean floated() {
    return localPort == IkeConfig.NAT_T_PORT;
  }

  /** The NAT-T vendor ID both sides advertised, null when none. */
  public VendorIds.Known natTraversal() {
    return natTraversal;
  }

  /** NAT-keepalives we sent. */
  public int keepalivesSent() {
    return keepalivesSent;
  }

  /** R-U-THEREs sent by periodic DPD (first tries and retries). */
  public int dpdRequestsSent() {
    return dpdRequestsSent;
  }

  /** The sequence number of the last R-U-THERE periodic DPD sent (0 before the first). */
  public int dpdSequence() {
    return dpdSequence;
  }

  /** CKY-I as 8 bytes (what the key derivation and Wireshark's table want). */
  public byte[] initiatorCookieBytes() {
    return cookieBytes(initiatorCookie);
  }

  public byte[] responderCookieBytes() {
    return cookieBytes(responderCookie);
  }

  /** Nanoseconds (on the manager's clock) when Phase 1 completed. */
  public long establishedNanos() {
    return establishedNanos;
  }

  static byte[] cookieBytes(long cookie) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) cookie;
      cookie >>>= 8;
    }
    return b;
  }

  /** Moves IKE to new ports (floating to 4500, or the NAT's mapping changed). */
  void ports(int local, int peer) {
    this.localPort = local;
    this.peerPort = peer;
  }

  void responderCookie(long cookie) {
    this.responderCookie = cookie;
  }

  void state(State s) {
    this.state = s;
  }

  void policy(IkePolicy p) {
    this.policy = p;
  }

  void keys(Ikev1Keys k, MessageProtection p) {
    this.keys = k;
    this.protection = p;
  }

  MessageProtection protection() {
    return protection;
  }

  void established(long nanos) {
    this.state = State.ESTABLISHED;
    this.establishedNanos = nanos;
  }

  @Override
  public String toString() { // keys are never printed
    return "IkeSa[" + (initiator ? "I " : "R ") + localAddress + ":" + localPort + " <-> " + peerAddress + ":"
        + peerPort
        + ", " + IsakmpHeader.cookieHex(initiatorCookie) + "/" + IsakmpHeader.cookieHex(responderCookie)
        + ", " + state + (policy == null ? "" : ", " + policy.describe()) + ", " + children.size() + " IPsec SAs]";
  }
}
