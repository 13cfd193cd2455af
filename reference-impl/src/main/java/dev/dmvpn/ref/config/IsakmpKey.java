package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * {@code crypto isakmp key <key> address <address> [<mask>] [no-xauth]}.
 *
 * @param key the pre-shared key; its {@code toString} is masked
 * @param peer the peer address and mask ({@code 0.0.0.0 0.0.0.0} matches every peer); the mask defaults to
 *     255.255.255.255 when the line omits it
 * @param noXauth {@code no-xauth}
 * @param lineNumber the line it was read from
 */
public record IsakmpKey(Secret key, AddressMask peer, boolean noXauth, int lineNumber) {

  /** True when this key applies to {@code peerAddress}. */
  public boolean matches(Ipv4Address peerAddress) {
    return peer.contains(peerAddress);
  }
}
