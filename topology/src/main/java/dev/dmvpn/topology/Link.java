package dev.dmvpn.topology;

import java.util.List;

/**
 * A segment: every interface naming the same {@code link:} in the topology section.
 *
 * @param endpoints in file order
 */
public record Link(String name, List<Endpoint> endpoints) {
  public Link {
    endpoints = List.copyOf(endpoints);
  }

  /** One interface on the link. */
  public record Endpoint(String device, String interfaceName) {
    @Override
    public String toString() {
      return device + ":" + interfaceName;
    }
  }
}
