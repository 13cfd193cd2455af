package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks the Cisco cleartext authentication extension: with {@code ip nhrp authentication} configured, a packet
 * must carry SPI 1 and exactly the password bytes (FRR compares the whole value byte for byte); without it,
 * anything is accepted (IOS ignores the extension then).
 */
final class NhrpAuthenticator {
  private final byte[] password;

  NhrpAuthenticator(String password) {
    this.password = (password == null) ? null : password.getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code null} when {@code p} is acceptable, otherwise why not. */
  String reject(NhrpPacket p) {
    if (password == null) {
      return null;
    }
    NhrpExtension.Authentication a = p.extension(NhrpExtension.Authentication.class);
    if (a == null) {
      return "no authentication extension";
    }
    if (a.spi() != NhrpExtension.Authentication.SPI_CLEARTEXT) {
      return "authentication SPI " + a.spi() + ", expected 1 (cleartext)";
    }
    if (!Arrays.equals(a.data(), password)) {
      return "authentication password mismatch";
    }
    return null;
  }
}
