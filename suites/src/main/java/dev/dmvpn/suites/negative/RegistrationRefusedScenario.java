package dev.dmvpn.suites.negative;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.IpsecFlow;
import dev.dmvpn.drivers.parse.PingResult;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The cases where IPsec comes up but the hub never takes sv9-4's registration (wrong NHRP authentication,
 * mismatched tunnel key): the first registration attempt starts IKE, Main and Quick Mode complete, the requests
 * reach the hub inside ESP and are dropped there (by NHRP for the password, by GRE for the key), no reply comes.
 *
 * <p>The absence is bounded by sv9-4's own attempts: observed until {@code show ip nhrp traffic} on sv9-4 counts
 * {@value #ATTEMPTS} registrations sent (IOS retransmits one request after 1, 2, 4, ..., 64 s: the 7th leaves
 * 63 s after the first; the engine's {@code NhsRegistrar}, IOS's nhrp.pcapng); every poll checks that the hub
 * holds no entry for sv9-4.
 */
@Test(groups = {"virtual-rack", "real-rack", "negative"})
public abstract class RegistrationRefusedScenario extends NegativeScenario {
  static final long ATTEMPTS = 7;
  /** Router time for {@value #ATTEMPTS} attempts (63 s), with room. */
  static final Duration ATTEMPTS_TIME = Duration.ofSeconds(130);

  @Test
  public void theHubNeverRegistersSv94WhileItRetries() throws Exception {
    awaitControlRegistered();
    Observation.watch(cast.changed().device() + " sent " + ATTEMPTS + " registrations", realTimeFor(ATTEMPTS_TIME),
        registrationsSent(cast.changed(), ATTEMPTS), List.of(hubNeverRegistersTheChangedSpoke()));
  }

  /** The changed line is not IPsec's: Main and Quick Mode complete and sv9-4's packets reach the hub in ESP. */
  @Test(dependsOnMethods = "theHubNeverRegistersSv94WhileItRetries")
  public void ipsecComesUpAndCarriesSv94sRequestsToTheHub() throws Exception {
    awaitIsakmpState(cast.changed(), cast.hub(), "QM_IDLE");
    awaitIsakmpState(cast.hub(), cast.changed(), "QM_IDLE");
    long encaps = ipsecFlows(cast.changed(), cast.hub()).stream().mapToLong(IpsecFlow::pktsEncaps).sum();
    long decaps = ipsecFlows(cast.hub(), cast.changed()).stream().mapToLong(IpsecFlow::pktsDecaps).sum();
    assertTrue(encaps > 0, "sv9-4 #pkts encaps towards the hub: " + encaps);
    assertTrue(decaps > 0, "the hub's #pkts decaps from sv9-4: " + decaps);
  }

  @Test(dependsOnMethods = "ipsecComesUpAndCarriesSv94sRequestsToTheHub")
  public void thePingToTheHubFails() throws Exception {
    PingResult p = pingHubFrom(cast.changed());
    assertEquals(p.received(), 0, "ping " + NegativeCast.tunnel(cast.hub()) + " from sv9-4: " + p);
    assertTrue(entryFor(cast.hub(), cast.changed()).isEmpty(), "still no entry for sv9-4 on the hub");
  }
}
