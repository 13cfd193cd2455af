package dev.dmvpn.ref.bytes;

/**
 * Why a decoder stopped: the protocol layer, the byte offset (relative to the start of the frame being
 * decoded, so the number matches what Wireshark shows) and a human-readable reason.
 *
 * @param layer short protocol name, e.g. {@code "nhrp"}, {@code "isakmp"}, {@code "ipv4"}
 * @param offset offset in bytes from the start of the frame (or buffer) at which decoding failed
 * @param message what was wrong, naming the field and the numbers involved
 */
public record DecodeError(String layer, int offset, String message) {

  @Override
  public String toString() {
    return layer + " at offset " + offset + ": " + message;
  }
}
