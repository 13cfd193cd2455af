package dev.dmvpn.ref.config;

/**
 * {@code crypto isakmp policy <priority>} with its sub-mode lines, IOS 12.3 defaults filled in for lines not given
 * (encryption des, hash sha, authentication rsa-sig, group 1, lifetime 86400).
 *
 * @param priority 1-10000, lower is offered first
 * @param lineNumber the line of {@code crypto isakmp policy}
 * @param encryption {@code des}, {@code 3des}, {@code aes}, {@code aes 192}, {@code aes 256}
 * @param hash {@code md5} or {@code sha}
 * @param authentication {@code pre-share}, {@code rsa-sig} or {@code rsa-encr}
 * @param group Diffie-Hellman group 1, 2 or 5
 * @param lifetimeSeconds 60-86400
 */
public record IsakmpPolicy(
    int priority, int lineNumber, String encryption, String hash, String authentication, int group,
    int lifetimeSeconds) {

  public static final String DEFAULT_ENCRYPTION = "des";
  public static final String DEFAULT_HASH = "sha";
  public static final String DEFAULT_AUTHENTICATION = "rsa-sig";
  public static final int DEFAULT_GROUP = 1;
  public static final int DEFAULT_LIFETIME = 86400;

  public boolean preShared() {
    return "pre-share".equals(authentication);
  }
}
