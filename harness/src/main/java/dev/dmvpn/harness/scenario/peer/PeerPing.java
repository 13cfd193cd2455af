package dev.dmvpn.harness.scenario.peer;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.time.Duration;
import java.util.List;

/**
 * A finished ping of the reference peer, as IOS would sum it up.
 *
 * @param marks IOS's result line, e.g. {@code .!!!!}
 * @param rtts the answered echoes' round-trip times on the node's clock
 */
public record PeerPing(Ipv4Address source, Ipv4Address destination, int sent, int answered, String marks,
    List<Duration> rtts) {

  public PeerPing {
    rtts = List.copyOf(rtts);
  }

  @Override
  public String toString() {
    return "ping " + destination + " source " + source + ": " + marks + " (" + answered + "/" + sent + ")";
  }
}
