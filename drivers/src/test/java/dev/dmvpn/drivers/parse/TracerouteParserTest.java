package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** IOS {@code traceroute} on real outputs. */
public class TracerouteParserTest {

  @Test
  public void readsSeveralRoutersPerTtl() {
    // ../shared/fixtures/ios-outputs/traceroute/genieparser-iosxe_4.txt lines 4-11
    Traceroute t = TracerouteParser.parse(SharedOutputs.output("traceroute/genieparser-iosxe_4.txt"));
    assertEquals(t.target(), "172.16.51.1");
    assertEquals(t.hops().size(), 2);
    // lines 6-8: "1  *", "    172.16.51.1 41 msec *", "    *"
    assertEquals(t.hops().get(0), new TraceHop(1, List.of(new TraceProbe(null, null, null),
        new TraceProbe("172.16.51.1", 41, null), new TraceProbe(null, null, null), new TraceProbe(null, null, null))));
    assertEquals(t.hops().get(0).address(), "172.16.51.1");
    // lines 9-11: three routers answering TTL 2
    assertEquals(t.hops().get(1), new TraceHop(2, List.of(new TraceProbe("10.1.2.6", 148, null),
        new TraceProbe("10.1.1.6", 120, null), new TraceProbe("10.1.2.6", 132, null))));
  }

  @Test
  public void readsMplsLabelsAndTheExtendedDialog() {
    // genieparser-iosxe_6.txt line 6: "1 10.0.0.5 [MPLS: Label 16022 Exp 0] 307 msec 10 msec 2 msec"
    Traceroute t = TracerouteParser.parse(SharedOutputs.output("traceroute/genieparser-iosxe_6.txt"));
    assertEquals(t.hops().get(0).probes().get(0), new TraceProbe("10.0.0.5", 307, null));
    assertNull(t.hops().get(1).probes().get(1).rttMs()); // line 7: "351 msec *  8 msec"
    // genieparser-iosxe_7.txt: the extended dialog (lines 3-15), three silent TTLs, then lines 22-24
    Traceroute ext = TracerouteParser.parse(SharedOutputs.output("traceroute/genieparser-iosxe_7.txt"));
    assertEquals(ext.target(), "192.168.1.1");
    assertEquals(ext.hops().size(), 5);
    assertNull(ext.hops().get(1).address());
    assertEquals(ext.hops().get(2).address(), "10.169.14.121");
    assertEquals(ext.hops().get(4).probes().get(2), new TraceProbe("192.168.1.1", 3, null));
  }

  @Test
  public void mplsTracerouteGarbageAndTruncationAreRefused() {
    // genieparser-iosxe_2.txt is "traceroute mpls ipv4 ...": its line 2 is no IP traceroute line
    ParseException e = expectThrows(ParseException.class, () -> TracerouteParser.parse(
        SharedOutputs.output("traceroute/genieparser-iosxe_2.txt")));
    assertEquals(e.command(), "traceroute");
    assertEquals(e.lineNumber(), 2);
    expectThrows(ParseException.class, () -> TracerouteParser.parse("  1 10.0.0.5 307 ms"));
    expectThrows(ParseException.class, () -> TracerouteParser.parse("Success rate is 100 percent (5/5)"));
  }
}
