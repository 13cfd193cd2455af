package dev.dmvpn.drivers.parse;

/**
 * One next-hop server of {@code show ip nhrp nhs}.
 *
 * @param tunnel the {@code TunnelN:} block
 * @param address the NHS's tunnel address
 * @param flags the legend letters ({@code E} expecting replies, {@code R} responding, {@code W} waiting,
 *     {@code D} dynamic)
 * @param nbma the NBMA address when printed, or null
 * @param priority the priority when printed, or null
 * @param cluster the cluster when printed, or null
 */
public record NhsEntry(String tunnel, String address, String flags, String nbma, Integer priority, Integer cluster) {

  /** Whether the NHS answers ({@code R}). */
  public boolean responding() {
    return flags.contains("R");
  }
}
