package dev.dmvpn.ref.wire.virtual;

import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.wire.Port;
import java.util.function.Consumer;

/** A {@link Port} attached to a {@link VirtualSegment}; made by {@link VirtualSegment#attach}. */
public final class VirtualPort implements Port {
  private final VirtualSegment segment;
  private final String name;
  private final MacAddress mac;
  private volatile Consumer<byte[]> receiver;
  private volatile boolean attached = true;

  VirtualPort(VirtualSegment segment, String name, MacAddress mac) {
    this.segment = segment;
    this.name = name;
    this.mac = mac;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public MacAddress mac() {
    return mac;
  }

  public VirtualSegment segment() {
    return segment;
  }

  public boolean attached() {
    return attached;
  }

  @Override
  public void send(byte[] ethernetFrame) {
    if (!attached) {
      throw new IllegalStateException(name + ": port detached from " + segment.name());
    }
    segment.transmit(this, ethernetFrame);
  }

  @Override
  public void onReceive(Consumer<byte[]> receiver) {
    this.receiver = receiver;
  }

  Consumer<byte[]> receiver() {
    return receiver;
  }

  @Override
  public void close() {
    if (attached) {
      attached = false;
      segment.detach(this);
    }
  }

  @Override
  public String toString() {
    return name + " (" + mac + ") on " + segment.name();
  }
}
