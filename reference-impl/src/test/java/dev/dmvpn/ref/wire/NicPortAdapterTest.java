package dev.dmvpn.ref.wire;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.MacAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.testng.annotations.Test;

/** The adapter's filtering, hand-over and ownership, on a fake NIC. */
public class NicPortAdapterTest {
  private static final MacAddress OURS = MacAddress.parse("02:00:00:00:0a:01");
  private static final MacAddress THEIRS = MacAddress.parse("02:00:00:00:0a:02");

  /** Records sends; {@link #inject} plays a captured frame. */
  private static final class FakeNic implements NicPort {
    final LinkType linkType;
    final List<byte[]> sent = new ArrayList<>();
    Consumer<CapturedFrame> listener;
    boolean closed;

    FakeNic(LinkType linkType) {
      this.linkType = linkType;
    }

    void inject(byte[] frame) {
      listener.accept(new CapturedFrame(0, linkType, 0, frame.length, frame));
    }

    @Override
    public String name() {
      return "fake0";
    }

    @Override
    public LinkType linkType() {
      return linkType;
    }

    @Override
    public void send(byte[] frame) {
      sent.add(frame);
    }

    @Override
    public void onReceive(Consumer<CapturedFrame> l) {
      this.listener = l;
    }

    @Override
    public CapturedFrame receive(Duration timeout) {
      return null;
    }

    @Override
    public long droppedFrames() {
      return 0;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  public void ownFramesAndRuntsAreNotDeliveredOthersGoThroughTheExecutor() {
    FakeNic nic = new FakeNic(LinkType.ETHERNET);
    List<Runnable> handedOver = new ArrayList<>();
    NicPortAdapter port = new NicPortAdapter(nic, OURS, handedOver::add);
    List<byte[]> got = new ArrayList<>();
    port.onReceive(got::add);
    byte[] fromThem = EthernetFrames.build(OURS, THEIRS, EtherType.ARP, new byte[28]);
    nic.inject(EthernetFrames.build(THEIRS, OURS, EtherType.ARP, new byte[28])); // capture of our own send
    nic.inject(new byte[10]);
    nic.inject(fromThem);
    assertTrue(got.isEmpty(), "delivered on the capture thread");
    assertEquals(handedOver.size(), 1);
    handedOver.get(0).run();
    assertEquals(got, List.of(fromThem));
  }

  @Test
  public void sendCloseAndLinkTypeCheck() {
    FakeNic nic = new FakeNic(LinkType.ETHERNET);
    NicPortAdapter port = new NicPortAdapter(nic, OURS, Runnable::run);
    assertEquals(port.name(), "fake0");
    assertEquals(port.mac(), OURS);
    byte[] f = EthernetFrames.build(THEIRS, OURS, EtherType.IPV4, new byte[20]);
    port.send(f);
    assertEquals(nic.sent, List.of(f));
    port.close();
    assertTrue(nic.closed);
    expectThrows(IllegalStateException.class, () -> port.send(f));
    expectThrows(IllegalArgumentException.class,
        () -> new NicPortAdapter(new FakeNic(LinkType.LINUX_SLL), OURS, Runnable::run));
  }

  @Test
  public void framesArePaddedToTheEthernetMinimum() {
    byte[] f = EthernetFrames.build(THEIRS, OURS, EtherType.ARP, new byte[28]);
    assertEquals(f.length, 60);
    assertEquals(EthernetFrames.destination(f), THEIRS);
    assertEquals(EthernetFrames.source(f), OURS);
    assertEquals(f[12], 0x08);
    assertEquals(f[13], 0x06);
    assertEquals(EthernetFrames.build(THEIRS, OURS, EtherType.IPV4, new byte[100]).length, 114);
  }
}
