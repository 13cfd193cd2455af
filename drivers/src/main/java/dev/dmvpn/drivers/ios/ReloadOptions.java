package dev.dmvpn.drivers.ios;

import java.time.Duration;

/**
 * How to reload: whether to save a modified configuration when IOS asks {@code System configuration has been
 * modified. Save? [yes/no]:}; how long the device may take to drop a VTY or to print its first login step on the
 * console ({@code bootTimeout}); how long reconnecting may take in all ({@code reconnectDeadline}, counted from the
 * drop) with the wait between attempts doubling from {@code firstBackoff} up to {@code maxBackoff}.
 * Defaults after unicon's ({@code RELOAD_TIMEOUT=300}, {@code BOOT_TIMEOUT=600}; ios-drivers.md section 1).
 */
public record ReloadOptions(boolean saveModifiedConfig, Duration bootTimeout, Duration reconnectDeadline,
    Duration firstBackoff, Duration maxBackoff) {
  public static final ReloadOptions DEFAULT = new ReloadOptions(false, Duration.ofSeconds(600),
      Duration.ofSeconds(300), Duration.ofSeconds(1), Duration.ofSeconds(15));

  public ReloadOptions withSave(boolean save) {
    return new ReloadOptions(save, bootTimeout, reconnectDeadline, firstBackoff, maxBackoff);
  }

  public ReloadOptions withTimes(Duration boot, Duration reconnect, Duration first, Duration max) {
    return new ReloadOptions(saveModifiedConfig, boot, reconnect, first, max);
  }
}
