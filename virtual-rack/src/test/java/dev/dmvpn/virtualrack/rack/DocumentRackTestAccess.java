package dev.dmvpn.virtualrack.rack;

import java.io.IOException;

/** The document's startup configurations for tests of other packages. */
public final class DocumentRackTestAccess {
  private DocumentRackTestAccess() {}

  public static String startup(String router) throws IOException {
    return DocumentRackTest.startup(router);
  }
}
