package dev.dmvpn.ref.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the host can run the interop peers: root, and the files the Debian packages install. A missing
 * piece is a test FAILURE naming the packages ({@code bin/test} installs them), never a silent skip.
 */
public final class InteropPrerequisites {
  /** Packages the strongSwan-in-namespaces peer needs (plus iproute2/util-linux, always present on Debian). */
  public static final List<String> STRONGSWAN_PACKAGES = List.of(
      "strongswan-charon", "strongswan-swanctl", "libcharon-extra-plugins", "libstrongswan-standard-plugins",
      "iputils-ping");
  /** Packages the User-Mode-Linux DMVPN lab needs. */
  public static final List<String> UML_PACKAGES = List.of(
      "user-mode-linux", "frr", "strongswan-charon", "strongswan-swanctl", "libstrongswan-standard-plugins",
      "kmod", "iptables", "iputils-ping");

  private InteropPrerequisites() {}

  public static void requireStrongSwan() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("/usr/lib/ipsec/charon", "strongswan-charon");
    files.put("/usr/sbin/swanctl", "strongswan-swanctl");
    files.put("/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so", "libcharon-extra-plugins");
    files.put("/usr/lib/ipsec/plugins/libstrongswan-openssl.so", "libstrongswan-standard-plugins");
    files.put("/usr/bin/ping", "iputils-ping");
    require("strongSwan netns peer", files, STRONGSWAN_PACKAGES);
  }

  public static void requireUmlDmvpn() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("/usr/bin/linux.uml", "user-mode-linux");
    files.put("/usr/lib/uml/modules", "user-mode-linux");
    files.put("/usr/lib/frr/nhrpd", "frr");
    files.put("/usr/bin/vtysh", "frr");
    files.put("/usr/lib/ipsec/charon", "strongswan-charon");
    files.put("/usr/sbin/swanctl", "strongswan-swanctl");
    files.put("/usr/lib/ipsec/plugins/libstrongswan-openssl.so", "libstrongswan-standard-plugins");
    files.put("/usr/sbin/modprobe", "kmod");
    files.put("/usr/sbin/iptables", "iptables");
    files.put("/usr/bin/ping", "iputils-ping");
    require("User-Mode-Linux DMVPN lab", files, UML_PACKAGES);
  }

  /** Packages the FRR eigrpd-in-a-namespace peer needs. */
  public static final List<String> FRR_EIGRP_PACKAGES = List.of("frr", "tshark", "iproute2");

  public static void requireFrrEigrp() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("/usr/lib/frr/zebra", "frr");
    files.put("/usr/lib/frr/eigrpd", "frr");
    files.put("/usr/bin/vtysh", "frr");
    files.put("/usr/bin/tshark", "tshark");
    files.put("/usr/sbin/ip", "iproute2");
    require("FRR eigrpd netns peer", files, FRR_EIGRP_PACKAGES);
  }

  private static void require(String what, Map<String, String> files, List<String> packages) {
    List<String> problems = new ArrayList<>();
    Set<String> missingPackages = new LinkedHashSet<>();
    files.forEach((file, pkg) -> {
      if (!Files.exists(Path.of(file))) {
        problems.add(file);
        missingPackages.add(pkg);
      }
    });
    if (!isRoot()) {
      problems.add("root (network namespaces need it)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(what + " cannot run: missing " + problems
          + (missingPackages.isEmpty() ? "" : "; install Debian packages " + missingPackages)
          + ". bin/test installs all of: apt-get install -y " + String.join(" ", packages));
    }
  }

  private static boolean isRoot() {
    HostCommand.Result r = HostCommand.run(Duration.ofSeconds(5), "id", "-u");
    return r.ok() && r.stdout().trim().equals("0");
  }
}
