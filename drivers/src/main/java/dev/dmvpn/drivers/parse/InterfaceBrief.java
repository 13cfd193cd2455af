package dev.dmvpn.drivers.parse;

/**
 * One row of {@code show ip interface brief}.
 *
 * @param name the interface name as printed
 * @param address its address, or null for {@code unassigned}
 * @param ok the {@code OK?} column
 * @param method {@code manual}, {@code NVRAM}, {@code unset}, {@code TFTP}, {@code other}, ...
 * @param status {@code up}, {@code down}, {@code administratively down}, {@code deleted}
 * @param protocol {@code up} or {@code down}
 */
public record InterfaceBrief(String name, String address, boolean ok, String method, String status, String protocol) {

  /** Whether both the line and the protocol are up. */
  public boolean isUp() {
    return status.equals("up") && protocol.equals("up");
  }
}
