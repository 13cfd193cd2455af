package dev.dmvpn.drivers.ios;

import java.time.Duration;

/**
 * Deadlines for one session: {@code loginTimeout} for each step of the login dialog, {@code commandTimeout} for a
 * command's prompt to come back; {@code disablePaging} sends the platform's session set-up ({@code terminal length
 * 0}, {@code terminal width 511}) after login, otherwise {@code --More--} is answered page by page.
 */
public record SessionOptions(Platform platform, Duration loginTimeout, Duration commandTimeout,
    boolean disablePaging) {
  public static final SessionOptions IOS_DEFAULT =
      new SessionOptions(Platform.IOS, Duration.ofSeconds(15), Duration.ofSeconds(30), true);

  public SessionOptions withCommandTimeout(Duration t) {
    return new SessionOptions(platform, loginTimeout, t, disablePaging);
  }

  public SessionOptions withLoginTimeout(Duration t) {
    return new SessionOptions(platform, t, commandTimeout, disablePaging);
  }

  public SessionOptions withPaging() {
    return new SessionOptions(platform, loginTimeout, commandTimeout, false);
  }
}
