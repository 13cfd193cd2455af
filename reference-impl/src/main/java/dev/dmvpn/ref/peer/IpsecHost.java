package dev.dmvpn.ref.peer;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeManager;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ike.IkeTransport;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.UdpEncapsulation;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.Port;
import dev.dmvpn.ref.wire.ip.HostStack;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import java.util.function.Consumer;

/**
 * An IPsec endpoint on one {@link Port}: a {@link HostStack} for ARP and IPv4, an {@link IkeManager} on UDP 500
 * and 4500 (non-ESP marker, NAT-keepalives and ESP-in-UDP on 4500 sorted as RFC 3948 section 2 says), and an
 * {@link EspDataPath} that installs every IPsec SA pair Quick Mode negotiates and removes it when it expires or is
 * deleted. What authenticated ESP carries goes to {@link #onPayload}; other IPv4 packets for the host (ICMP to the
 * public address, say) to {@link #onOtherPacket}.
 *
 * <pre>
 *   Port --Ethernet--> HostStack --UDP 500------------------------> IkeManager
 *                                 --UDP 4500, zero marker / 0xFF--> IkeManager
 *                                 --UDP 4500, SPI != 0 -----------> EspDataPath --> payload receiver
 *                                 --IP protocol 50 ---------------> EspDataPath
 * </pre>
 *
 * <p>Not thread-safe: everything, including construction and the listener's callbacks, runs on the scheduler's
 * thread (hand frames over with {@code NicPortAdapter(nic, mac, scheduler::execute)}).
 */
public final class IpsecHost {
  private final HostStack host;
  private final IkeManager ike;
  private final EspDataPath esp;
  private Consumer<Ipv4Packet> otherPackets = p -> {};
  private long malformedUdp;
  private long otherUdp;

  /**
   * @param address the host's address; must be {@code config.localAddress()} (the IKE identity and proxy)
   * @param listener IKE events, called after the data plane has installed (or removed) the SAs concerned
   */
  public IpsecHost(Port port, InterfaceAddress address, IkeConfig config, Scheduler scheduler, RandomSource random,
      IkeListener listener) {
    if (!address.address().equals(config.localAddress())) {
      throw new IllegalArgumentException("host address " + address + " is not the IKE local address "
          + config.localAddress());
    }
    this.host = new HostStack(port, address, scheduler);
    this.esp = new EspDataPath(host, new EspProcessor(random), scheduler.clock());
    this.ike = new IkeManager(config, new UdpTransport(), scheduler, random, new DataPlaneEvents(listener));
    host.onReceive(this::receive);
    esp.onSoftVolumeLimit(ike::volumeSoftLimitReached);
    esp.onReceive((peer, child, nextHeader, buffer, offset, length) -> ike.trafficReceived(peer));
  }

  public HostStack host() {
    return host;
  }

  public IkeManager ike() {
    return ike;
  }

  public EspDataPath esp() {
    return esp;
  }

  public Ipv4Address address() {
    return host.address();
  }

  /** Brings up an ISAKMP SA and an IPsec SA pair towards {@code peer} (see {@link IkeManager#connect}). */
  public IkeSa connect(Ipv4Address peer) {
    return ike.connect(peer);
  }

  /** Receives what authenticated inbound ESP carries (the peer also counts as alive for DPD). */
  public void onPayload(EspDataPath.Receiver receiver) {
    esp.onReceive((peer, child, nextHeader, buffer, offset, length) -> {
      ike.trafficReceived(peer);
      receiver.onPayload(peer, child, nextHeader, buffer, offset, length);
    });
  }

  /** Receives IPv4 packets for this host that are neither IKE nor ESP. */
  public void onOtherPacket(Consumer<Ipv4Packet> receiver) {
    this.otherPackets = receiver;
  }

  /** Deletes every IPsec SA pair and ISAKMP SA, telling the peers (Delete payloads), as a clean shutdown does. */
  public void deleteAll() {
    for (IkeSa sa : ike.ikeSas()) {
      for (ChildSa child : sa.childSas()) {
        ike.deleteChildSa(sa, child);
      }
      ike.deleteIkeSa(sa);
    }
  }

  /** UDP datagrams for us that did not decode. */
  public long malformedUdp() {
    return malformedUdp;
  }

  /** UDP datagrams for us to ports other than 500 and 4500. */
  public long otherUdp() {
    return otherUdp;
  }

  private void receive(Ipv4Packet p) {
    if (p.protocol().equals(IpProtocol.UDP)) {
      receiveUdp(p);
    } else if (p.protocol().equals(IpProtocol.ESP)) {
      esp.receive(p.source(), p.payload(), 0, p.payload().length);
    } else {
      otherPackets.accept(p);
    }
  }

  private void receiveUdp(Ipv4Packet p) {
    DecodeResult<UdpDatagram> d = UdpCodec.decode(ByteReader.of(p.payload()));
    if (!d.isOk() || d.value().truncated()) {
      malformedUdp++;
      return;
    }
    UdpDatagram u = d.value();
    byte[] payload = u.payload();
    if (u.destinationPort() == IkeConfig.IKE_PORT) {
      ike.receive(p.source(), u.sourcePort(), IkeConfig.IKE_PORT, payload);
    } else if (u.destinationPort() != IkeConfig.NAT_T_PORT) {
      otherUdp++;
    } else if (UdpEncapsulation.carriesEsp(payload, 0, payload.length)) {
      esp.receive(p.source(), payload, 0, payload.length);
    } else {
      ike.receive(p.source(), u.sourcePort(), IkeConfig.NAT_T_PORT, payload);
    }
  }

  /** IKE datagrams leave through the host's UDP, from port 500 or 4500. */
  private final class UdpTransport implements IkeTransport {
    @Override
    public void send(Ipv4Address peer, int port, byte[] message) {
      sendFrom(IkeConfig.IKE_PORT, peer, port, message);
    }

    @Override
    public void sendFrom(int localPort, Ipv4Address peer, int peerPort, byte[] udpPayload) {
      host.sendUdp(localPort, peer, peerPort, udpPayload);
    }
  }

  /** Keeps the data plane in step with IKE, then tells the owner. */
  private final class DataPlaneEvents implements IkeListener {
    private final IkeListener owner;

    DataPlaneEvents(IkeListener owner) {
      this.owner = owner;
    }

    @Override
    public void phase1Up(IkeSa sa) {
      owner.phase1Up(sa);
    }

    @Override
    public void phase1Failed(Ipv4Address peer, String reason) {
      owner.phase1Failed(peer, reason);
    }

    @Override
    public void inboundSaReady(IkeSa sa, ChildSa child) {
      esp.installInbound(sa.peerAddress(), child);
      owner.inboundSaReady(sa, child);
    }

    @Override
    public void phase2Up(IkeSa sa, ChildSa child) {
      esp.install(sa.peerAddress(), child);
      owner.phase2Up(sa, child);
    }

    @Override
    public void phase2Failed(IkeSa sa, String reason) {
      owner.phase2Failed(sa, reason);
    }

    @Override
    public void childSaDeleted(IkeSa sa, ChildSa child, String reason) {
      esp.remove(child);
      owner.childSaDeleted(sa, child, reason);
    }

    @Override
    public void ikeSaDeleted(IkeSa sa, String reason) {
      owner.ikeSaDeleted(sa, reason);
    }

    @Override
    public void peerDead(IkeSa sa) {
      owner.peerDead(sa);
    }
  }
}
