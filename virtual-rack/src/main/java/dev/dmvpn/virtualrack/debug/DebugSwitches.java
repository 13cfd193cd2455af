package dev.dmvpn.virtualrack.debug;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * The debug switches of one router (IOS keeps them per router, not per session: {@code debug nhrp} typed on a VTY
 * is on for the console too). Read from the scheduler by the printers, written by the CLI: synchronized.
 */
public final class DebugSwitches {
  private final EnumSet<DebugFlag> on = EnumSet.noneOf(DebugFlag.class);

  public synchronized void set(DebugFlag f, boolean value) {
    if (value) {
      on.add(f);
    } else {
      on.remove(f);
    }
  }

  public synchronized boolean isOn(DebugFlag f) {
    return on.contains(f);
  }

  /** {@code undebug all}. */
  public synchronized void clear() {
    on.clear();
  }

  /**
   * {@code show debugging}: per group a heading line then the sentence of each switch that is on, indented two
   * blanks, groups separated by a blank line (the document's {@code NHRP:} / {@code NHRP protocol debugging is on}
   * prints the sentence unindented; NHRP follows the document, the crypto group the usual 12.x indentation
   * [unconfirmed]). Empty when nothing is on.
   */
  public synchronized String render() {
    Map<String, List<DebugFlag>> groups = new LinkedHashMap<>();
    for (DebugFlag f : on) {
      groups.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(f);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<DebugFlag>> g : groups.entrySet()) {
      sb.append(g.getKey()).append(":\n");
      String indent = g.getKey().equals("NHRP") ? "" : "  ";
      for (DebugFlag f : g.getValue()) {
        sb.append(indent).append(f.onText()).append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
