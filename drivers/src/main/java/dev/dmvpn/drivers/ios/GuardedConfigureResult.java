package dev.dmvpn.drivers.ios;

import java.util.Optional;

/** A push and, when it failed and rollback was asked for, the rollback. */
public record GuardedConfigureResult(ConfigureResult push, Optional<RollbackResult> rollback) {
  public boolean ok() {
    return push.ok();
  }
}
