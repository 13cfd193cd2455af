package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.virtualrack.node.WanAttachment;
import dev.dmvpn.virtualrack.rack.Rack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/**
 * {@code ping} through the driver against the virtual rack's sv9-4 on the document's WAN (its node answers from
 * the reference peer's state): the document's configuration plus a VTY login, pinging the testbed's WAN router
 * 209.168.202.158 (sv9-4's default gateway); the output is parsed into the result record.
 */
public class RackPingTest {
  @Test
  public void pingThroughTheVtyIsParsed() throws Exception {
    List<String> config = new ArrayList<>(RackFixture.documentConfig("sv9-4").stream()
        .filter(l -> !l.strip().equals("end")).toList());
    config.addAll(List.of("enable secret " + RackFixture.ENABLE,
        "username " + RackFixture.USER + " password " + RackFixture.PASSWORD, "line vty 0 4", " login local", "end"));
    try (ExecutorScheduler scheduler = new ExecutorScheduler("drivers-ping", 1.0)) {
      DocumentWan wan = DocumentWan.create(scheduler, 7);
      try (Rack rack = Rack.start(List.of(new RackRouter("sv9-4", Chassis.sv94(), String.join("\n", config) + "\n")),
          scheduler, "hostname ts\nend\n", 0, 0, 0, WanAttachment.of(wan), 42);
          IosSession s = IosSession.open(TelnetTransport.connect("127.0.0.1", rack.vtyPort("sv9-4"),
              TelnetOptions.DEFAULT), RackFixture.CREDENTIALS, SessionOptions.IOS_DEFAULT, Transcript.none())) {
        PingOutcome p = Reachability.ping(s, PingRequest.to("209.168.202.158"));
        assertEquals(p.command(), "ping 209.168.202.158");
        assertEquals(p.result().target(), "209.168.202.158");
        assertEquals(p.result().count(), 5);
        assertEquals(p.result().sizeBytes(), 100);
        assertEquals(p.result().marks().length(), 5, p.output());
        assertTrue(p.result().received() >= 4, p.output());
        assertEquals(p.result().sent(), 5);
      }
    }
  }
}
