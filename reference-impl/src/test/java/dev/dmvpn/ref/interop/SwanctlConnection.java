package dev.dmvpn.ref.interop;

/**
 * One swanctl connection with a single child of the same name, rendered as a {@code swanctl.conf} section. IKEv1
 * Main Mode (aggressive = no) with pre-shared-key authentication, as the Cisco configurations use.
 *
 * @param name connection and child name (what {@link StrongSwanNetns#initiate(String)} takes)
 * @param ikeVersion 1 for IKEv1 (IKEv2 needs the kdf plugin, which the generated strongswan.conf loads)
 * @param localAddr local address (also the local IKE identity)
 * @param remoteAddr remote address, or {@code %any} for a responder (then the remote identity is not fixed)
 * @param ikeProposal e.g. {@code 3des-md5-modp1024}
 * @param espProposal e.g. {@code 3des-md5}
 * @param mode {@code tunnel} or {@code transport} (kernel-libipsec supports tunnel only)
 * @param localTs local traffic selector, e.g. {@code 10.1.0.1/32} or {@code dynamic}
 * @param remoteTs remote traffic selector
 * @param startAction {@code none}, {@code trap} or {@code start}
 * @param psk the pre-shared key; written only to the run's own swanctl.conf, never logged
 */
public record SwanctlConnection(
    String name, int ikeVersion, String localAddr, String remoteAddr, String ikeProposal, String espProposal,
    String mode, String localTs, String remoteTs, String startAction, String psk) {

  /** The document's IKEv1 test connection: Main Mode, PSK, tunnel, start_action none. */
  public static SwanctlConnection ikev1Psk(String name, String localAddr, String remoteAddr, String psk) {
    return new SwanctlConnection(name, 1, localAddr, remoteAddr, "3des-md5-modp1024", "3des-md5", "tunnel",
        "dynamic", "dynamic", "none", psk);
  }

  public SwanctlConnection withProposals(String ike, String esp) {
    return new SwanctlConnection(name, ikeVersion, localAddr, remoteAddr, ike, esp, mode, localTs, remoteTs,
        startAction, psk);
  }

  public SwanctlConnection withTrafficSelectors(String local, String remote) {
    return new SwanctlConnection(name, ikeVersion, localAddr, remoteAddr, ikeProposal, espProposal, mode, local,
        remote, startAction, psk);
  }

  public SwanctlConnection withMode(String newMode) {
    return new SwanctlConnection(name, ikeVersion, localAddr, remoteAddr, ikeProposal, espProposal, newMode,
        localTs, remoteTs, startAction, psk);
  }

  public SwanctlConnection withStartAction(String action) {
    return new SwanctlConnection(name, ikeVersion, localAddr, remoteAddr, ikeProposal, espProposal, mode, localTs,
        remoteTs, action, psk);
  }

  /** The whole swanctl.conf: this connection and its shared secret (bound to the remote address). */
  public String toSwanctlConf() {
    boolean anyRemote = remoteAddr.equals("%any");
    return "connections {\n"
        + "  " + name + " {\n"
        + "    version = " + ikeVersion + "\n"
        + "    aggressive = no\n"
        + "    local_addrs = " + localAddr + "\n"
        + "    remote_addrs = " + remoteAddr + "\n"
        + "    proposals = " + ikeProposal + "\n"
        + "    encap = no\n"
        + "    dpd_delay = 10s\n"
        + "    local { auth = psk\n            id = " + localAddr + " }\n"
        + "    remote { auth = psk" + (anyRemote ? "" : "\n             id = " + remoteAddr) + " }\n"
        + "    children {\n"
        + "      " + name + " {\n"
        + "        mode = " + mode + "\n"
        + "        esp_proposals = " + espProposal + "\n"
        + "        local_ts = " + localTs + "\n"
        + "        remote_ts = " + remoteTs + "\n"
        + "        start_action = " + startAction + "\n"
        + "      }\n"
        + "    }\n"
        + "  }\n"
        + "}\n"
        + "secrets {\n"
        + "  ike-" + name + " {\n"
        + "    secret = \"" + psk + "\"\n"
        + (anyRemote ? "" : "    id = " + remoteAddr + "\n")
        + "  }\n"
        + "}\n";
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "SwanctlConnection[" + name + " v" + ikeVersion + " " + localAddr + "->" + remoteAddr + " ike="
        + ikeProposal + " esp=" + espProposal + " " + mode + " " + localTs + "==" + remoteTs + " start="
        + startAction + " psk=***]";
  }
}
