package dev.dmvpn.ref.node.ios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * TEST-ONLY: the document's configurations ({@code src/main/resources/configs/sv9-*.ios}) as the peer reads them,
 * with the routes EIGRP would install written as {@code ip route} lines (for tests that must not wait for
 * EIGRP to converge; see {@link
 * IosNodeBuilder}). Public for the harness's tests (test-jar).
 */
public final class IosFixtures {
  /** What EIGRP 90 installs in the document (DocumentRouters): spokes learn everything via the hub. */
  private static final String HUB_ROUTES = "ip route 2.2.2.0 255.255.255.0 192.168.1.2\n"
      + "ip route 3.3.3.0 255.255.255.0 192.168.1.3\n";
  private static final String SPOKE_ROUTES = "ip route 1.1.1.0 255.255.255.0 192.168.1.1\n"
      + "ip route 2.2.2.0 255.255.255.0 192.168.1.1\n" + "ip route 3.3.3.0 255.255.255.0 192.168.1.1\n";

  private IosFixtures() {}

  /** The fixture as stored, e.g. {@code text("sv9-4.ios")}. */
  public static String text(String name) {
    try (InputStream in = IosFixtures.class.getResourceAsStream("/configs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fixture missing: configs/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code sv9-2}, {@code sv9-3} or {@code sv9-4} with the EIGRP routes as {@code ip route} lines before
   * {@code end}. A spoke's route to its own LAN is left out (the connected route covers it anyway).
   */
  public static String withTunnelRoutes(String router) {
    String text = text(router + ".ios");
    String routes = router.equals("sv9-2") ? HUB_ROUTES
        : SPOKE_ROUTES.replace("ip route " + (router.equals("sv9-3") ? "2.2.2.0" : "3.3.3.0")
            + " 255.255.255.0 192.168.1.1\n", "");
    int end = text.lastIndexOf("\nend");
    if (end < 0) {
      throw new IllegalStateException(router + " has no 'end' line");
    }
    return text.substring(0, end + 1) + "!-- added by the test: the routes EIGRP would install\n" + routes
        + text.substring(end + 1);
  }
}
