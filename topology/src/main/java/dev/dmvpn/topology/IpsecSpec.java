package dev.dmvpn.topology;

import java.util.List;
import java.util.Optional;

/**
 * The crypto every member configures: one ISAKMP policy with a wildcard pre-shared key, one transform set and an
 * IPsec profile applied by {@code tunnel protection}.
 *
 * @param encryption {@code des} (IOS default), {@code 3des}, {@code aes}...
 * @param hash {@code sha} (IOS default) or {@code md5}
 * @param authentication {@code pre-share} (the only method the harness supports)
 * @param group Diffie-Hellman group (1 is the IOS default)
 * @param lifetimeSeconds ISAKMP SA lifetime (86400 is the IOS default)
 * @param transforms e.g. {@code [esp-3des, esp-md5-hmac]}
 * @param mode {@code transport} or {@code tunnel} when the transform set sets it (absent: IOS default, tunnel)
 * @param saLifetimeSeconds the profile's {@code set security-association lifetime seconds}, when set
 * @param preSharedKey a reference, resolved only when configurations are generated
 */
public record IpsecSpec(
    int policyPriority,
    String encryption,
    String hash,
    String authentication,
    int group,
    int lifetimeSeconds,
    SecretRef preSharedKey,
    String transformSetName,
    List<String> transforms,
    Optional<String> mode,
    String profileName,
    Optional<Integer> saLifetimeSeconds) {

  public IpsecSpec {
    transforms = List.copyOf(transforms);
  }
}
