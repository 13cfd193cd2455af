package dev.dmvpn.topology;

import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.Locations;
import dev.dmvpn.topology.load.TestbedLoader;
import dev.dmvpn.topology.load.TestbedProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The testbeds shipped in this module's resources ({@code dev/dmvpn/topology/testbeds/}). */
public final class ShippedTestbeds {
  /** The Cisco document's rack: the default testbed. */
  public static final String DOCUMENT_RACK = "document-rack.yaml";
  /** {@code HubAndSpokes.testbed(3)} written out: a small example of the generator's plan. */
  public static final String HUB_AND_3_SPOKES = "hub-and-3-spokes.yaml";

  private static final String DIR = "testbeds/";

  private ShippedTestbeds() {}

  /** Loads and validates a shipped testbed; its problems name it {@code classpath:...}. */
  public static LoadResult load(String name) {
    String display = "classpath:dev/dmvpn/topology/" + DIR + name;
    try (InputStream in = ShippedTestbeds.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        return new LoadResult(Optional.empty(), Locations.none(display),
            List.of(new TestbedProblem(display, 0, "(file)", "no such shipped testbed")));
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TestbedLoader.loadAndValidate(display, text, Path.of("."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default testbed, or an {@link IllegalStateException} listing its problems (a build defect). */
  public static Testbed documentRack() {
    LoadResult r = load(DOCUMENT_RACK);
    if (!r.ok()) {
      throw new IllegalStateException("the shipped document rack has problems:\n" + r.report());
    }
    return r.testbed().get();
  }
}
