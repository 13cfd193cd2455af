package dev.dmvpn.drivers.parse;

import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code show running-config}: the byte count of its {@code Current configuration : N bytes} line (null
 * when the output had no such header, e.g. a fragment) and its sections in the device's order.
 */
public record RunningConfig(Integer currentBytes, List<ConfigSection> sections) {
  public RunningConfig {
    sections = List.copyOf(sections);
  }

  /** The global lines (sections without lines under them), in order. */
  public List<String> globalLines() {
    return sections.stream().filter(s -> s.kind() == ConfigSection.Kind.GLOBAL).map(ConfigSection::head).toList();
  }

  public List<ConfigSection> of(ConfigSection.Kind kind) {
    return sections.stream().filter(s -> s.kind() == kind).toList();
  }

  public List<ConfigSection> interfaces() {
    return of(ConfigSection.Kind.INTERFACE);
  }

  public List<ConfigSection> routers() {
    return of(ConfigSection.Kind.ROUTER);
  }

  public List<ConfigSection> crypto() {
    return of(ConfigSection.Kind.CRYPTO);
  }

  public List<ConfigSection> lines() {
    return of(ConfigSection.Kind.LINE);
  }

  /** The first section whose head is {@code head} (blanks at its ends ignored). */
  public Optional<ConfigSection> section(String head) {
    String h = head.strip();
    return sections.stream().filter(s -> s.head().strip().equals(h)).findFirst();
  }
}
