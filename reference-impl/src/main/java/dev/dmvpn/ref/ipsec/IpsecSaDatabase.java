package dev.dmvpn.ref.ipsec;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SA database (RFC 4301 section 4.4.2) of one IPsec endpoint: the SA pairs Quick Mode installed, per peer.
 * Inbound SAs are found by SPI and belong to one peer (ESP from any other address is refused). The outbound SA
 * towards a peer is that of its newest pair whose outbound SA has not expired, so a rekey switches outbound
 * traffic at once while older inbound SAs keep working until they are removed (IKE deletes them or they expire);
 * when the newest pair goes, traffic falls back to the next newest, with its sequence counter where it was.
 *
 * <p>{@code P} is the owner's handle of a pair (IKE's {@code ChildSa}); the database only compares it by identity.
 * Not thread-safe.
 *
 * @param <P> the pair handle
 */
public final class IpsecSaDatabase<P> {
  /** One installed pair; {@code outbound} is null while only the inbound half is installed (responder, QM2). */
  public static final class Entry<P> {
    private final Ipv4Address peer;
    private final P pair;
    private final EspSa inbound;
    private EspSa outbound;
    private UdpEncapsulation udp;

    private Entry(Ipv4Address peer, P pair, EspSa inbound) {
      this.peer = peer;
      this.pair = pair;
      this.inbound = inbound;
    }

    public Ipv4Address peer() {
      return peer;
    }

    public P pair() {
      return pair;
    }

    public EspSa inbound() {
      return inbound;
    }

    /** The outbound SA, or null while only the inbound half is installed. */
    public EspSa outbound() {
      return outbound;
    }

    /** RFC 3948 UDP encapsulation of this pair's ESP, or null for plain ESP (IP protocol 50). */
    public UdpEncapsulation udp() {
      return udp;
    }

    /** The mode both SAs of the pair run in. */
    public EspMode mode() {
      return inbound.parameters().mode();
    }
  }

  private final Clock clock;
  private final Map<Integer, Entry<P>> bySpi = new HashMap<>();
  private final Map<Ipv4Address, List<Entry<P>>> byPeer = new HashMap<>();

  public IpsecSaDatabase(Clock clock) {
    this.clock = clock;
  }

  /**
   * Installs the inbound half of {@code pair} (a responder may receive on it right after QM2); no-op when the SPI
   * is installed already.
   */
  public Entry<P> installInbound(Ipv4Address peer, P pair, EspSaParameters inbound) {
    Entry<P> e = bySpi.get(inbound.spi());
    if (e == null) {
      e = new Entry<>(peer, pair, new EspSa(inbound, clock));
      bySpi.put(inbound.spi(), e);
      byPeer.computeIfAbsent(peer, k -> new ArrayList<>()).add(e);
    }
    return e;
  }

  /** Installs both halves of {@code pair}; it becomes the newest pair towards {@code peer}. */
  public Entry<P> install(Ipv4Address peer, P pair, EspSaParameters inbound, EspSaParameters outbound,
      UdpEncapsulation udp) {
    Entry<P> e = installInbound(peer, pair, inbound);
    if (e.outbound == null) {
      e.outbound = new EspSa(outbound, clock);
      e.udp = udp;
      List<Entry<P>> list = byPeer.get(peer);
      list.remove(e);
      list.add(e); // newest last
    }
    return e;
  }

  /** The pair with our inbound {@code spi}, or null. */
  public Entry<P> inbound(int spi) {
    return bySpi.get(spi);
  }

  /** The pair whose outbound SA carries traffic to {@code peer} now, or null (none, or all expired). */
  public Entry<P> outbound(Ipv4Address peer) {
    List<Entry<P>> list = byPeer.get(peer);
    if (list == null) {
      return null;
    }
    for (int i = list.size() - 1; i >= 0; i--) {
      Entry<P> e = list.get(i);
      if (e.outbound != null && !e.outbound.isExpired()) {
        return e;
      }
    }
    return null;
  }

  /** Removes {@code pair} (deleted or expired); true when it was installed. */
  public boolean remove(P pair) {
    for (Entry<P> e : bySpi.values()) {
      if (e.pair == pair) {
        bySpi.remove(e.inbound.spi());
        List<Entry<P>> list = byPeer.get(e.peer);
        list.remove(e);
        if (list.isEmpty()) {
          byPeer.remove(e.peer);
        }
        return true;
      }
    }
    return false;
  }

  /** The pairs installed towards {@code peer}, oldest first. */
  public List<Entry<P>> entries(Ipv4Address peer) {
    return List.copyOf(byPeer.getOrDefault(peer, List.of()));
  }

  /** The peers with installed pairs, in no particular order ({@code show crypto ipsec sa}). */
  public List<Ipv4Address> peers() {
    return List.copyOf(byPeer.keySet());
  }

  /** Number of installed pairs (both halves or inbound only). */
  public int size() {
    return bySpi.size();
  }
}
