package dev.dmvpn.virtualrack.config;

import dev.dmvpn.virtualrack.cli.InterfaceNaming;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The configuration of one emulated router as IOS keeps it: global lines and blocks, each setting once, in IOS's
 * print order. Commands change it through {@link #apply}; {@link ConfigRenderer} prints it. Callers serialise
 * access (the router holds the lock).
 */
public final class RunningConfig {
  private ConfigItem root = ConfigItem.root();
  private final ToLongFunction<String> interfaceOrder;

  /** {@code interfaceOrder} gives a physical interface's position in the chassis (IOS prints in that order). */
  public RunningConfig(ToLongFunction<String> interfaceOrder) {
    this.interfaceOrder = interfaceOrder;
  }

  public ConfigItem root() {
    return root;
  }

  /** Empties the configuration (reload, before defaults and NVRAM are applied again). */
  public void clear() {
    root = ConfigItem.root();
  }

  /** Replaces the whole content by a copy of {@code other}'s. */
  public void replaceWith(RunningConfig other) {
    root = other.root.copy();
  }

  public RunningConfig copy() {
    RunningConfig c = new RunningConfig(interfaceOrder);
    c.root = root.copy();
    return c;
  }

  /** The global line or block with this key, or {@code null}. */
  public ConfigItem find(String key) {
    return root.find(key);
  }

  /**
   * Applies a configuration command to {@code parent}: {@code words} is its canonical form without {@code no}.
   * Returns the block to enter for {@link SettingKind#BLOCK} commands (null otherwise).
   */
  public ConfigItem apply(ConfigSetting s, List<String> words, boolean negated, ConfigItem parent) {
    String key = key(words, s.keyWords());
    String text = String.join(" ", words);
    if (s.kind() == SettingKind.BLOCK) {
      if (negated) {
        removeBlock(parent, key);
        return null;
      }
      return openBlock(parent, text, key, s.rank(), subRank(words));
    }
    if (negated) {
      switch (s.kind()) {
        case VALUE -> parent.removeIf(c -> keyStartsWith(c.key(), key));
        case BOTH, NEGATIVE -> parent.put(ConfigItem.line("no " + text, key, s.rank(), subRank(words)));
        default -> throw new IllegalStateException(s.kind().toString());
      }
      return null;
    }
    if (s.kind() == SettingKind.NEGATIVE || text.equals(s.defaultLine())) {
      parent.removeIf(c -> c.key().equals(key));
    } else {
      parent.put(ConfigItem.line(text, key, s.rank(), subRank(words)));
    }
    return null;
  }

  /** Opens (or finds) a block; a header that changes under the same key (transform-set) keeps the lines. */
  public ConfigItem openBlock(ConfigItem parent, String text, String key, int rank, long subRank) {
    ConfigItem old = parent.find(key);
    if (old != null && old.text().equals(text)) {
      return old;
    }
    ConfigItem block = ConfigItem.block(text, key, rank, subRank);
    if (old != null) {
      for (ConfigItem c : old.children()) {
        block.put(c);
      }
      parent.removeIf(c -> c == old);
    }
    return parent.put(block);
  }

  private void removeBlock(ConfigItem parent, String key) {
    parent.removeIf(c -> c.key().equals(key));
  }

  static String key(List<String> words, int n) {
    return String.join(" ", words.subList(0, Math.min(n, words.size())));
  }

  private static boolean keyStartsWith(String key, String prefix) {
    return key.equals(prefix) || key.startsWith(prefix + " ");
  }

  /** Orders siblings of equal rank: interfaces by chassis position, numbered blocks by number. */
  private long subRank(List<String> words) {
    if (words.size() >= 2 && words.get(0).equals("interface")) {
      String name = words.get(1);
      if (InterfaceNaming.isVirtual(name)) {
        return (name.startsWith("Loopback") ? 0 : 1_000_000L) + lastNumber(name);
      }
      return 10_000_000L + interfaceOrder.applyAsLong(name);
    }
    if (words.size() >= 2 && words.get(0).equals("line")) {
      return switch (words.get(1)) {
        case "con" -> 0;
        case "aux" -> 1000;
        default -> 2000 + (words.size() > 2 ? lastNumber(words.get(2)) : 0);
      };
    }
    for (String w : words) {
      if (!w.isEmpty() && w.chars().allMatch(Character::isDigit) && w.length() < 10) {
        return Long.parseLong(w);
      }
    }
    return 0;
  }

  private static long lastNumber(String s) {
    int i = s.length();
    while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
      i--;
    }
    return i == s.length() ? 0 : Long.parseLong(s.substring(i, Math.min(s.length(), i + 9)));
  }
}
