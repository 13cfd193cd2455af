package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show crypto session [detail]}: per {@code Interface:} block the session status, the peer, its IKE SA
 * lines and IPsec flows (with the detail form's packet counts); other {@code Key: value} lines are kept as fields.
 * Layouts: {@code ../shared/fixtures/ios-outputs/show_crypto_session*}.
 */
public final class ShowCryptoSessionParser {
  public static final String COMMAND = "show crypto session";

  private static final Pattern HEADING = Pattern.compile("^Crypto session current status$");
  private static final Pattern INTERFACE = Pattern.compile("^Interface: (?<if>\\S+)$");
  private static final Pattern STATUS = Pattern.compile("^Session status: (?<st>\\S+)$");
  private static final Pattern PEER = Pattern.compile("^Peer: (?<peer>\\S+) port (?<port>\\d+)(?: .*)?$");
  private static final Pattern IKE = Pattern.compile(
      "^IKE SA: local (?<l>[^/\\s]+)/(?<lp>\\d+) remote (?<r>[^/\\s]+)/(?<rp>\\d+) (?<st>\\S+)$");
  private static final Pattern IKE_DETAIL = Pattern.compile("^Capabilities:.*$");
  private static final Pattern FLOW = Pattern.compile("^IPSEC FLOW: (?<acl>.+)$");
  private static final Pattern ACTIVE = Pattern.compile("^Active SAs: (?<n>\\d+), origin: (?<o>.+)$");
  private static final Pattern INBOUND = Pattern.compile("^Inbound: +#pkts dec'ed (?<n>\\d+) .*$");
  private static final Pattern OUTBOUND = Pattern.compile("^Outbound: #pkts enc'ed (?<n>\\d+) .*$");
  private static final Pattern FIELD = Pattern.compile(
      "^(?!IKE SA|IPSEC FLOW|Peer|Session status|Active SAs|Inbound|Outbound)(?<k>[A-Z][\\w ]*?): (?<v>.+)$");

  private ShowCryptoSessionParser() {}

  public static List<CryptoSession> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    List<CryptoSession> sessions = new ArrayList<>();
    Block block = null;
    boolean recognised = false;
    for (OutputLine line : lines) {
      String t = line.text().trim();
      Matcher m;
      if (t.isEmpty()) {
        continue;
      }
      if (HEADING.matcher(t).matches()) {
        recognised = true;
      } else if ((m = INTERFACE.matcher(t)).matches()) {
        if (block != null) {
          sessions.add(block.build());
        }
        block = new Block(m.group("if"));
      } else if (block == null || !block.read(t)) {
        throw new ParseException(COMMAND, line.number(), line.text(), "not a crypto session line");
      }
    }
    if (block != null) {
      sessions.add(block.build());
    }
    if (sessions.isEmpty() && !recognised && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no crypto session found");
    }
    return List.copyOf(sessions);
  }

  /** One interface block while its lines are read. */
  private static final class Block {
    final String iface;
    String status;
    String peer;
    Integer port;
    final List<CryptoSession.IkeSession> ikes = new ArrayList<>();
    final List<CryptoSession.IpsecFlowSummary> flows = new ArrayList<>();
    final Map<String, String> fields = new LinkedHashMap<>();

    Block(String iface) {
      this.iface = iface;
    }

    boolean read(String t) {
      Matcher m;
      if ((m = STATUS.matcher(t)).matches()) {
        status = m.group("st");
      } else if ((m = PEER.matcher(t)).matches()) {
        peer = m.group("peer");
        port = Integer.valueOf(m.group("port"));
      } else if ((m = IKE.matcher(t)).matches()) {
        ikes.add(new CryptoSession.IkeSession(m.group("l"), Integer.parseInt(m.group("lp")), m.group("r"),
            Integer.parseInt(m.group("rp")), m.group("st")));
      } else if ((m = FLOW.matcher(t)).matches()) {
        flows.add(new CryptoSession.IpsecFlowSummary(m.group("acl").trim(), 0, null, null, null));
      } else if (!flows.isEmpty() && readFlowDetail(t)) {
        return true;
      } else if (IKE_DETAIL.matcher(t).matches() && !ikes.isEmpty()) {
        return true;
      } else if ((m = FIELD.matcher(t)).matches()) {
        fields.put(m.group("k"), m.group("v").trim());
      } else {
        return false;
      }
      return true;
    }

    private boolean readFlowDetail(String t) {
      CryptoSession.IpsecFlowSummary f = flows.get(flows.size() - 1);
      Matcher m;
      if ((m = ACTIVE.matcher(t)).matches()) {
        f = new CryptoSession.IpsecFlowSummary(f.acl(), Integer.parseInt(m.group("n")), m.group("o").trim(),
            f.decrypted(), f.encrypted());
      } else if ((m = INBOUND.matcher(t)).matches()) {
        f = new CryptoSession.IpsecFlowSummary(f.acl(), f.activeSas(), f.origin(), Long.valueOf(m.group("n")),
            f.encrypted());
      } else if ((m = OUTBOUND.matcher(t)).matches()) {
        f = new CryptoSession.IpsecFlowSummary(f.acl(), f.activeSas(), f.origin(), f.decrypted(),
            Long.valueOf(m.group("n")));
      } else {
        return false;
      }
      flows.set(flows.size() - 1, f);
      return true;
    }

    CryptoSession build() {
      return new CryptoSession(iface, status, peer, port, ikes, flows, fields);
    }
  }
}
