package dev.dmvpn.virtualrack.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a configuration as IOS 12.3's {@code show running-config} does. The separator layout ({@code !} lines
 * between groups) is taken from the document's sv9-4 {@code show run} (seed lines 367-488) and the hub's
 * (lines 144-248): one {@code !} after the header block, two before {@code no aaa new-model} (the {@code enable} lines, when
 * there are any, go between those two), three before the
 * crypto section, eleven after the IPsec profile, seven between the voice lines and the first interface (with
 * {@code fax interface-type} in the third place, as on sv9-3), one after every interface and routing process, ten
 * before the {@code line} blocks and two before {@code end}. Sub-mode lines are indented by one blank as IOS
 * prints them (the document's extraction lost the indentation).
 */
public final class ConfigRenderer {
  private static final String BANG = "!";

  /** One entry of the layout: a separator, or the items whose rank is in [lo, hi). */
  private record Slot(int lo, int hi, boolean fillWhenEmpty, boolean bangAfterBlock, boolean bangAfterGroup) {
    Slot(int lo, int hi, boolean fillWhenEmpty, boolean bangAfterBlock) {
      this(lo, hi, fillWhenEmpty, bangAfterBlock, false);
    }
  }

  private static final List<Object> LAYOUT = List.of(
      BANG, new Slot(ConfigCatalog.VERSION, ConfigCatalog.HOSTNAME, false, false),
      BANG, new Slot(ConfigCatalog.HOSTNAME, ConfigCatalog.BOOT, false, false),
      BANG, new Slot(ConfigCatalog.BOOT, ConfigCatalog.ENABLE, false, false),
      BANG, new Slot(ConfigCatalog.ENABLE, ConfigCatalog.AAA, true, false, true),
      new Slot(ConfigCatalog.AAA, ConfigCatalog.DOMAIN, false, false),
      BANG, BANG, new Slot(ConfigCatalog.DOMAIN, ConfigCatalog.SSH, false, false),
      BANG, new Slot(ConfigCatalog.SSH, ConfigCatalog.ISAKMP, false, false),
      BANG, BANG, BANG, new Slot(ConfigCatalog.ISAKMP, ConfigCatalog.TRANSFORM, false, false),
      BANG, BANG, new Slot(ConfigCatalog.TRANSFORM, ConfigCatalog.PROFILE, false, false),
      BANG, new Slot(ConfigCatalog.PROFILE, ConfigCatalog.VOICE, false, true),
      BANG, BANG, BANG, BANG, BANG, BANG, BANG, BANG, BANG, BANG,
      new Slot(ConfigCatalog.VOICE, ConfigCatalog.FAX, false, false),
      BANG, BANG, new Slot(ConfigCatalog.FAX, ConfigCatalog.FAX + 100, true, false),
      BANG, BANG, BANG, BANG,
      new Slot(ConfigCatalog.INTERFACE, ConfigCatalog.IP_TAIL, false, true),
      new Slot(ConfigCatalog.IP_TAIL, ConfigCatalog.LINE, false, false),
      BANG, BANG, BANG, BANG, BANG, BANG, BANG, BANG, BANG, BANG,
      new Slot(ConfigCatalog.LINE, Integer.MAX_VALUE, false, false),
      BANG, BANG);

  private ConfigRenderer() {}

  /** The configuration lines, from the first {@code !} to {@code end}. */
  public static List<String> lines(RunningConfig config) {
    List<String> out = new ArrayList<>();
    List<ConfigItem> items = config.root().children();
    for (Object entry : LAYOUT) {
      if (entry instanceof Slot slot) {
        emit(items, slot, out);
      } else {
        out.add(BANG);
      }
    }
    out.add("end");
    return out;
  }

  private static void emit(List<ConfigItem> items, Slot slot, List<String> out) {
    boolean any = false;
    for (ConfigItem item : items) {
      if (item.rank() < slot.lo || item.rank() >= slot.hi) {
        continue;
      }
      any = true;
      out.add(item.text());
      for (ConfigItem child : item.children()) {
        out.add(" " + child.text());
      }
      if (item.isBlock() && slot.bangAfterBlock) {
        out.add(BANG);
      }
    }
    if (!any && slot.fillWhenEmpty || any && slot.bangAfterGroup) {
      out.add(BANG);
    }
  }

  /** The configuration as one text with {@code \n} line ends (what NVRAM holds). */
  public static String text(RunningConfig config) {
    return String.join("\n", lines(config)) + "\n";
  }

  /**
   * What {@code show running-config} prints: {@code Building configuration...}, a blank line,
   * {@code Current configuration : N bytes} where N counts the configuration text from its first {@code !}
   * through {@code end} with one-byte line ends (our reading of the counter; the document's 1993/1994 bytes
   * belong to configurations the extraction cut, so they cannot be checked), then the configuration.
   */
  public static String showRunning(RunningConfig config) {
    String body = text(config);
    return "Building configuration...\n\nCurrent configuration : "
        + body.getBytes(StandardCharsets.US_ASCII).length + " bytes\n" + body;
  }

  /** What {@code show startup-config} prints: {@code Using N out of M bytes}, then the configuration. */
  public static String showStartup(String nvramText, int nvramSize) {
    return "Using " + nvramText.getBytes(StandardCharsets.US_ASCII).length + " out of " + nvramSize + " bytes\n"
        + nvramText;
  }
}
