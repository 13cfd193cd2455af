package dev.dmvpn.ref.nhrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;

import java.util.List;
import org.testng.annotations.Test;

/** Open enums never throw and name unknown values; flag names depend on the packet type. */
public class NhrpCodePointsTest {

  @Test
  public void packetTypes() {
    assertSame(NhrpPacketType.valueOf(3), NhrpPacketType.REGISTRATION_REQUEST);
    assertEquals(NhrpPacketType.valueOf(1).name(), "resolution-request");
    assertEquals(NhrpPacketType.valueOf(8).name(), "traffic-indication");
    assertEquals(NhrpPacketType.valueOf(0).name(), "unknown-0");
    assertEquals(NhrpPacketType.valueOf(255).name(), "unknown-255");
    assertEquals(NhrpPacketType.valueOf(9), new NhrpPacketType(9));
  }

  @Test
  public void errorCieAndExtensionCodes() {
    assertEquals(NhrpErrorCode.valueOf(15).name(), "hop-count-exceeded");
    assertEquals(NhrpErrorCode.valueOf(2).name(), "unknown-2"); // FRR's LOOP_DETECTED = 2 is not the RFC's
    assertEquals(NhrpCieCode.valueOf(14).name(), "unique-address-already-registered");
    assertEquals(NhrpCieCode.valueOf(1).name(), "unknown-1");
    assertEquals(NhrpExtensionType.valueOf(9).name(), "cisco-nat-address");
    assertEquals(NhrpExtensionType.valueOf(0x3FFF).name(), "unknown-16383");
  }

  @Test
  public void flagNamesPerType() {
    assertEquals(NhrpFlags.names(NhrpPacketType.REGISTRATION_REQUEST, 0x8002), List.of("U", "NAT"));
    assertEquals(NhrpFlags.names(NhrpPacketType.RESOLUTION_REPLY, 0xf802), List.of("Q", "A", "D", "U", "S", "NAT"));
    assertEquals(NhrpFlags.names(NhrpPacketType.PURGE_REPLY, 0x8002), List.of("N", "0x0002"));
    assertEquals(NhrpFlags.names(NhrpPacketType.REGISTRATION_REPLY, 0x1000), List.of("0x1000"));
    assertEquals(NhrpFlags.uniqueMask(NhrpPacketType.RESOLUTION_REQUEST), 0x1000);
    assertEquals(NhrpFlags.uniqueMask(NhrpPacketType.REGISTRATION_REQUEST), 0x8000);
    assertEquals(NhrpFlags.IOS_RESOLUTION_REQUEST, 0xc802);
    assertEquals(NhrpFlags.IOS_RESOLUTION_REPLY, 0xf802);
    assertEquals(NhrpFlags.IOS_REGISTRATION, 0x8002);
  }

  @Test
  public void authenticationPasswordOnlyForPrintableCleartext() {
    assertEquals(NhrpExtension.ciscoAuthentication("secret").password(), "secret");
    assertNull(new NhrpExtension.Authentication(0x8000, 2, "secret".getBytes()).password());
    assertNull(new NhrpExtension.Authentication(0x8000, 1, new byte[] {1, 2}).password());
  }
}
