package dev.dmvpn.virtualrack.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * One line of the running configuration: a setting ({@code ip mtu 1440}) or a block header with its own lines
 * ({@code interface Tunnel0}). {@code key} says which setting the line holds, so a new value replaces the old
 * ({@code ip mtu 1400} replaces {@code ip mtu 1440}); {@code rank}/{@code subRank} give IOS's print order.
 */
public final class ConfigItem {
  private final String text;
  private final String key;
  private final int rank;
  private final long subRank;
  private final List<ConfigItem> children;

  private ConfigItem(String text, String key, int rank, long subRank, boolean block) {
    this.text = text;
    this.key = key;
    this.rank = rank;
    this.subRank = subRank;
    this.children = block ? new ArrayList<>() : null;
  }

  public static ConfigItem line(String text, String key, int rank, long subRank) {
    return new ConfigItem(text, key, rank, subRank, false);
  }

  public static ConfigItem block(String text, String key, int rank, long subRank) {
    return new ConfigItem(text, key, rank, subRank, true);
  }

  /** The root holding the global lines. */
  static ConfigItem root() {
    return new ConfigItem("", "", 0, 0, true);
  }

  public String text() {
    return text;
  }

  public String key() {
    return key;
  }

  public int rank() {
    return rank;
  }

  public long subRank() {
    return subRank;
  }

  public boolean isBlock() {
    return children != null;
  }

  public List<ConfigItem> children() {
    return children == null ? List.of() : Collections.unmodifiableList(children);
  }

  /** The child with this key, or {@code null}. */
  public ConfigItem find(String childKey) {
    for (ConfigItem c : children()) {
      if (c.key.equals(childKey)) {
        return c;
      }
    }
    return null;
  }

  /** Replaces the child with the same key, or inserts after the last child that sorts before or with it. */
  public ConfigItem put(ConfigItem item) {
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i).key.equals(item.key)) {
        if (item.isBlock() && children.get(i).isBlock()) {
          return children.get(i);
        }
        children.set(i, item);
        return item;
      }
    }
    int at = children.size();
    while (at > 0 && compare(children.get(at - 1), item) > 0) {
      at--;
    }
    children.add(at, item);
    return item;
  }

  /** Removes the children matching {@code which}; returns how many. */
  public int removeIf(Predicate<ConfigItem> which) {
    int before = children.size();
    children.removeIf(which);
    return before - children.size();
  }

  private static int compare(ConfigItem a, ConfigItem b) {
    return a.rank != b.rank ? Integer.compare(a.rank, b.rank) : Long.compare(a.subRank, b.subRank);
  }

  /** A deep copy (for {@code copy running-config startup-config}). */
  public ConfigItem copy() {
    ConfigItem c = new ConfigItem(text, key, rank, subRank, isBlock());
    for (ConfigItem k : children()) {
      c.children.add(k.copy());
    }
    return c;
  }
}
