package dev.dmvpn.ref.config;

import java.util.List;
import java.util.Map;

/**
 * One {@code interface} block.
 *
 * @param name canonical name ({@code Tunnel0}, {@code FastEthernet0/0})
 * @param lineNumber the line of {@code interface <name>}
 * @param description {@code description}, or {@code null}
 * @param address {@code ip address}, or {@code null} ({@code no ip address} or none given)
 * @param shutdown {@code shutdown}
 * @param ipMtu {@code ip mtu}, or {@code null}
 * @param bandwidthKbps {@code bandwidth}, or {@code null}
 * @param delayTensOfMicroseconds {@code delay}, or {@code null}
 * @param tcpAdjustMss {@code ip tcp adjust-mss}, or {@code null}
 * @param noSplitHorizonEigrp AS numbers of {@code no ip split-horizon eigrp <as>} lines
 * @param tunnel the {@code tunnel ...} settings for Tunnel interfaces, {@code null} for others
 * @param nhrp the {@code ip nhrp ...} settings ({@link NhrpSettings#NONE} when none)
 * @param noNextHopSelfEigrp AS numbers of {@code no ip next-hop-self eigrp <as>} lines
 * @param eigrpHelloSeconds {@code ip hello-interval eigrp <as> <seconds>} by AS
 * @param eigrpHoldSeconds {@code ip hold-time eigrp <as> <seconds>} by AS
 */
public record IosInterface(
    String name,
    int lineNumber,
    String description,
    AddressMask address,
    boolean shutdown,
    Integer ipMtu,
    Integer bandwidthKbps,
    Integer delayTensOfMicroseconds,
    Integer tcpAdjustMss,
    List<Integer> noSplitHorizonEigrp,
    TunnelSettings tunnel,
    NhrpSettings nhrp,
    List<Integer> noNextHopSelfEigrp,
    Map<Integer, Integer> eigrpHelloSeconds,
    Map<Integer, Integer> eigrpHoldSeconds) {

  public IosInterface {
    noSplitHorizonEigrp = List.copyOf(noSplitHorizonEigrp);
    noNextHopSelfEigrp = List.copyOf(noNextHopSelfEigrp);
    eigrpHelloSeconds = Map.copyOf(eigrpHelloSeconds);
    eigrpHoldSeconds = Map.copyOf(eigrpHoldSeconds);
  }

  /** An interface without the EIGRP next-hop-self and timer lines. */
  public IosInterface(String name, int lineNumber, String description, AddressMask address, boolean shutdown,
      Integer ipMtu, Integer bandwidthKbps, Integer delayTensOfMicroseconds, Integer tcpAdjustMss,
      List<Integer> noSplitHorizonEigrp, TunnelSettings tunnel, NhrpSettings nhrp) {
    this(name, lineNumber, description, address, shutdown, ipMtu, bandwidthKbps, delayTensOfMicroseconds,
        tcpAdjustMss, noSplitHorizonEigrp, tunnel, nhrp, List.of(), Map.of(), Map.of());
  }

  public boolean isTunnel() {
    return name.startsWith(InterfaceNames.TUNNEL);
  }
}
