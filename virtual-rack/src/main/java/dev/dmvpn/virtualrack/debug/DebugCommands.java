package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.virtualrack.session.CommandSet;

/**
 * The privileged exec commands that switch debugging: {@code debug nhrp}, {@code debug nhrp packet}, {@code debug
 * crypto isakmp}, {@code debug crypto ipsec}, their {@code no debug ...} and {@code undebug ...} forms, {@code
 * undebug all} / {@code no debug all} (and {@code u all} by abbreviation), and {@code show debugging}. Each answers
 * with IOS's sentence ({@code NHRP protocol debugging is on}; {@code All possible debugging has been turned off}).
 */
public final class DebugCommands {
  static final String ALL_OFF = "All possible debugging has been turned off";

  private DebugCommands() {}

  public static void install(CommandSet set, DebugSwitches switches) {
    set.definePrivileged("debug", "Debugging functions (see also 'undebug')", null);
    set.definePrivileged("undebug", "Disable debugging functions (see also 'debug')", null);
    for (DebugFlag f : DebugFlag.values()) {
      set.definePrivileged("debug " + f.words(), "", (s, inv) -> {
        switches.set(f, true);
        s.println(f.onText());
      });
      for (String off : new String[] {"no debug ", "undebug "}) {
        set.definePrivileged(off + f.words(), "", (s, inv) -> {
          switches.set(f, false);
          s.println(f.offText());
        });
      }
    }
    for (String all : new String[] {"undebug all", "no debug all"}) {
      set.definePrivileged(all, "", (s, inv) -> {
        switches.clear();
        s.println(ALL_OFF);
      });
    }
    set.definePrivileged("show debugging", "State of each debugging option", (s, inv) -> s.page(switches.render()));
  }
}
