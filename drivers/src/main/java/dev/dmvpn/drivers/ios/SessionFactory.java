package dev.dmvpn.drivers.ios;

import java.io.IOException;

/** Opens a new logged-in session to the same device (connect + login): used to reconnect after a VTY reload. */
@FunctionalInterface
public interface SessionFactory {
  IosSession open() throws IOException;
}
