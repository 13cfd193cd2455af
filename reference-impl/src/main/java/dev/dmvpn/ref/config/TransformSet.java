package dev.dmvpn.ref.config;

import java.util.List;

/**
 * {@code crypto ipsec transform-set <name> <transform>...} with {@code mode tunnel|transport}.
 *
 * @param name the set's name
 * @param lineNumber the line of {@code crypto ipsec transform-set}
 * @param transforms e.g. {@code [esp-3des, esp-md5-hmac]}; {@code esp-aes 256} is kept as one entry
 * @param mode {@code tunnel} (the IOS default) or {@code transport}
 */
public record TransformSet(String name, int lineNumber, List<String> transforms, String mode) {

  public static final String MODE_TUNNEL = "tunnel";
  public static final String MODE_TRANSPORT = "transport";

  public TransformSet {
    transforms = List.copyOf(transforms);
  }
}
