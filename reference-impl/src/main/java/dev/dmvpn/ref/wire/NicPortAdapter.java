package dev.dmvpn.ref.wire;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.l2l3.MacAddress;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A {@link Port} on a real NIC ({@link NicPort}, e.g. {@code Pcap4jNicPort}) with a MAC address of the node's
 * choosing (usually locally administered, {@code 02:...}; the kernel's own MAC is left to the kernel).
 *
 * <p>Frames arrive on the NIC's capture thread; the adapter hands each to {@code deliverOn} (for instance {@code
 * ExecutorScheduler::execute}) so the node's code runs on its scheduler thread, never concurrently. Frames whose
 * source is this port's MAC are the capture seeing our own transmissions and are not delivered. Closing the
 * adapter closes the NIC port.
 */
public final class NicPortAdapter implements Port {
  private final NicPort nic;
  private final MacAddress mac;
  private final Executor deliverOn;
  private volatile Consumer<byte[]> receiver;
  private volatile boolean closed;

  public NicPortAdapter(NicPort nic, MacAddress mac, Executor deliverOn) {
    if (!nic.linkType().equals(LinkType.ETHERNET)) {
      throw new IllegalArgumentException(nic.name() + " is " + nic.linkType() + ", not Ethernet");
    }
    this.nic = nic;
    this.mac = mac;
    this.deliverOn = deliverOn;
    nic.onReceive(this::fromNic);
  }

  private void fromNic(CapturedFrame frame) {
    byte[] data = frame.data();
    Consumer<byte[]> r = receiver;
    if (r == null || closed || !EthernetFrames.hasHeader(data) || EthernetFrames.source(data).equals(mac)) {
      return;
    }
    deliverOn.execute(() -> r.accept(data));
  }

  @Override
  public String name() {
    return nic.name();
  }

  @Override
  public MacAddress mac() {
    return mac;
  }

  @Override
  public void send(byte[] ethernetFrame) {
    if (closed) {
      throw new IllegalStateException(nic.name() + ": port closed");
    }
    nic.send(ethernetFrame);
  }

  @Override
  public void onReceive(Consumer<byte[]> receiver) {
    this.receiver = receiver;
  }

  /** The underlying NIC port (for its counters). */
  public NicPort nic() {
    return nic;
  }

  @Override
  public void close() {
    closed = true;
    nic.onReceive(null);
    nic.close();
  }

  @Override
  public String toString() {
    return "nic port " + nic.name() + " " + mac;
  }
}
