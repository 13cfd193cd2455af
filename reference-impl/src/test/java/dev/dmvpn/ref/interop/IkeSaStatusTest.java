package dev.dmvpn.ref.interop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.List;
import org.testng.annotations.Test;

/** Parsing swanctl's raw list-sas output; the inputs are verbatim swanctl 5.9.8 output recorded on this project. */
public class IkeSaStatusTest {
  // swanctl --list-sas --raw on side A of the strongSwan pair (tunnel, kernel-libipsec), 3des-md5-modp1024
  private static final String PAIR_A = "list-sa event {cisco {uniqueid=1 version=1 state=ESTABLISHED"
      + " local-host=192.168.100.1 local-port=4500 local-id=192.168.100.1 remote-host=192.168.100.2"
      + " remote-port=4500 remote-id=192.168.100.2 initiator=yes initiator-spi=4009d9c6735b44d0"
      + " responder-spi=a8e81aadc99bd77b nat-remote=yes nat-any=yes encr-alg=3DES_CBC integ-alg=HMAC_MD5_96"
      + " prf-alg=PRF_HMAC_MD5 dh-group=MODP_1024 established=0 rekey-time=13645 child-sas {cisco-1 {name=cisco"
      + " uniqueid=1 reqid=1 state=INSTALLED mode=TUNNEL protocol=ESP encap=yes spi-in=711f8ae8 spi-out=bdf0097a"
      + " encr-alg=3DES_CBC integ-alg=HMAC_MD5_96 bytes-in=0 packets-in=0 bytes-out=0 packets-out=0"
      + " rekey-time=3351 life-time=3960 install-time=0 local-ts=[10.1.0.1/32] remote-ts=[10.2.0.1/32]}}}}\n"
      + "list-sas reply {}\n";

  @Test
  public void parsesIkeAndChildSa() {
    List<IkeSaStatus> sas = IkeSaStatus.parseListSas(PAIR_A);
    assertEquals(sas.size(), 1);
    IkeSaStatus sa = sas.get(0);
    assertEquals(sa.connection(), "cisco");
    assertTrue(sa.established());
    assertEquals(sa.version(), 1);
    assertTrue(sa.initiator());
    assertEquals(sa.initiatorSpi(), "4009d9c6735b44d0");
    assertEquals(sa.responderSpi(), "a8e81aadc99bd77b");
    assertEquals(sa.suite(), "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024");
    ChildSaStatus c = sa.children().get(0);
    assertTrue(c.installed());
    assertEquals(c.mode(), "TUNNEL");
    assertTrue(c.udpEncapsulated());
    assertEquals(c.spiIn(), "711f8ae8");
    assertEquals(c.spiOut(), "bdf0097a");
    assertEquals(c.localTs(), List.of("10.1.0.1/32"));
    assertEquals(c.remoteTs(), List.of("10.2.0.1/32"));
  }

  @Test
  public void trafficSelectorWithProtocolKeepsItsBrackets() {
    String raw = "list-sa event {dmvpn {version=1 state=ESTABLISHED child-sas {dmvpn-1 {state=INSTALLED"
        + " mode=TRANSPORT encap=no local-ts=[172.16.0.1/32[gre]] remote-ts=[172.16.0.11/32[gre] 10.0.0.0/8]}}}}";
    ChildSaStatus c = IkeSaStatus.parseListSas(raw).get(0).children().get(0);
    assertFalse(c.udpEncapsulated());
    assertEquals(c.localTs(), List.of("172.16.0.1/32[gre]"));
    assertEquals(c.remoteTs(), List.of("172.16.0.11/32[gre]", "10.0.0.0/8"));
  }

  @Test
  public void noSasGivesEmptyList() {
    assertTrue(IkeSaStatus.parseListSas("list-sas reply {}\n").isEmpty());
  }

  @Test
  public void pskNeverInToString() {
    SwanctlConnection c = SwanctlConnection.ikev1Psk("x", "192.168.100.1", "192.168.100.2", "cisco123");
    assertFalse(c.toString().contains("cisco123"));
    assertTrue(c.toSwanctlConf().contains("secret = \"cisco123\""));
    assertTrue(c.toSwanctlConf().contains("aggressive = no"));
  }
}
