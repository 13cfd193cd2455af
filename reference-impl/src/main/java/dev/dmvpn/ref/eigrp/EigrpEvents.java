package dev.dmvpn.ref.eigrp;

/** Receives the router's log lines (neighbour changes as IOS's %DUAL-5-NBRCHANGE, drops with their reason). */
@FunctionalInterface
public interface EigrpEvents {
  EigrpEvents NONE = line -> { };

  void log(String line);
}
