package dev.dmvpn.drivers.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show crypto ipsec sa}: interfaces, their peer / proxy pairs, counters, endpoints and the SAs under each
 * {@code inbound|outbound esp|ah|pcp sas:} heading. Lines are keyed by their text, not their indentation (shared
 * outputs have lost it). Both the 12.3 forms ({@code current_peer: 209.168.202.131:500}, {@code local addr.},
 * {@code #pkts digest 4}, {@code current outbound spi: 6E42707E}, {@code slot: 0, conn id: ...}) and the 15.x forms
 * ({@code current_peer 1.1.1.1 port 500}, {@code Status:}, {@code sibling_flags}) are read; the counters and
 * settings this model does not keep are recognised and skipped; any other line is refused. Layouts:
 * ios-12.3-formats.md "show crypto ipsec sa" and {@code ../shared/fixtures/ios-outputs/show_crypto_ipsec_sa*}.
 */
public final class ShowCryptoIpsecSaParser {
  public static final String COMMAND = "show crypto ipsec sa";

  private static final Pattern INTERFACE = Pattern.compile("^interface: (?<n>\\S+)$");
  private static final Pattern MAP_TAG = Pattern.compile("^Crypto map tag: (?<tag>[^,]+), local addr\\.? (?<addr>\\S+)$");
  private static final Pattern IDENT = Pattern.compile(
      "^(?<side>local|remote)\\s+ident \\(addr/mask/prot/port\\): \\((?<a>[^/]+)/(?<m>[^/]+)/(?<p>\\d+)/(?<port>\\d+)\\)$");
  private static final Pattern PEER = Pattern.compile("^current_peer:? (?<peer>[\\d.]+)(?::| port )(?<port>\\d+)$");
  private static final Pattern ENCAPS = Pattern.compile(
      "^#pkts encaps: (?<a>\\d+), #pkts encrypt: (?<b>\\d+), #pkts digest:? \\d+$");
  private static final Pattern DECAPS = Pattern.compile(
      "^#pkts decaps: (?<a>\\d+), #pkts decrypt: (?<b>\\d+), #pkts verify:? \\d+$");
  private static final Pattern ERRORS = Pattern.compile("^#send errors (?<a>\\d+), #recv errors (?<b>\\d+)$");
  private static final Pattern ENDPOINTS = Pattern.compile(
      "^local crypto endpt\\.: (?<a>\\S+), remote crypto endpt\\.: (?<b>\\S+)$");
  private static final Pattern OUT_SPI = Pattern.compile("^current outbound spi: (?:0x)?(?<hex>[0-9A-Fa-f]+)(?:\\(\\d+\\))?$");
  private static final Pattern SECTION = Pattern.compile("^(?<dir>inbound|outbound) (?<proto>esp|ah|pcp) sas:$");
  private static final Pattern SPI = Pattern.compile("^spi: 0x(?<hex>[0-9A-Fa-f]+)\\(\\d+\\)$");
  private static final Pattern TRANSFORM = Pattern.compile("^transform: (?<t>.+?)\\s*,?$");
  private static final Pattern IN_USE = Pattern.compile("^in use settings =\\{(?<mode>[\\w-]*).*\\}$");
  private static final Pattern CONN_ID = Pattern.compile("^(?:slot: \\d+, )?conn id: (?<id>\\d+),.*$");
  private static final Pattern TIMING = Pattern.compile(
      "^sa timing: remaining key lifetime \\(k/sec\\): \\((?<kb>\\d+)/(?<sec>\\d+)\\)$");
  /** Lines recognised and not kept. */
  private static final Pattern KNOWN = Pattern.compile(
      "^(?:protected vrf:.*|PERMIT, flags=.*|DENY, flags=.*|#+pkts .*|path mtu .*|plaintext mtu .*|PFS \\(Y/N\\).*"
          + "|IV size: .*|replay detection support: .*|Status: .*|ecn bit support: .*|sa timing: .*"
          + "|Extended seq.*|dest(?:ination)? .*|outbound (?:ah|esp|pcp) sas: .*)$");

  private ShowCryptoIpsecSaParser() {}

  public static List<IpsecInterface> parse(String output) {
    List<OutputLine> lines = OutputLines.of(COMMAND, output);
    IpsecSaReader reader = new IpsecSaReader();
    for (OutputLine line : lines) {
      String t = line.text().trim();
      if (!t.isEmpty() && !reader.read(t)) {
        throw new ParseException(COMMAND, line.number(), line.text(), "not a crypto ipsec sa line");
      }
    }
    List<IpsecInterface> result = reader.finish();
    if (result.isEmpty() && !OutputLines.allBlank(lines)) {
      throw new ParseException(COMMAND, 0, "", "no interface block found");
    }
    return result;
  }

  /** Reading state: the open interface, flow and SA. */
  private static final class IpsecSaReader {
    final List<IpsecInterface> interfaces = new ArrayList<>();
    String ifName;
    String tag;
    String localAddr;
    List<IpsecFlow> flows = new ArrayList<>();
    FlowBuilder flow;
    boolean inbound;
    String proto;

    boolean read(String t) {
      Matcher m;
      if ((m = INTERFACE.matcher(t)).matches()) {
        closeInterface();
        ifName = m.group("n");
        return true;
      }
      if (ifName == null) {
        return false;
      }
      if ((m = MAP_TAG.matcher(t)).matches()) {
        tag = m.group("tag");
        localAddr = m.group("addr");
        return true;
      }
      if ((m = IDENT.matcher(t)).matches()) {
        ProxyIdent id = new ProxyIdent(m.group("a"), m.group("m"), Integer.parseInt(m.group("p")),
            Integer.parseInt(m.group("port")));
        if (m.group("side").equals("local")) {
          closeFlow();
          flow = new FlowBuilder();
          flow.local = id;
        } else if (flow != null) {
          flow.remote = id;
        } else {
          return false;
        }
        return true;
      }
      return flow != null && (flow.read(t) || readSa(t)) || KNOWN.matcher(t).matches();
    }

    private boolean readSa(String t) {
      Matcher m;
      if ((m = SECTION.matcher(t)).matches()) {
        flow.closeSa();
        inbound = m.group("dir").equals("inbound");
        proto = m.group("proto");
        return true;
      }
      if ((m = SPI.matcher(t)).matches() && proto != null) {
        flow.closeSa();
        flow.sa = new SaBuilder(inbound, proto, Long.parseLong(m.group("hex"), 16));
        return true;
      }
      return flow.sa != null && flow.sa.read(t);
    }

    void closeFlow() {
      if (flow != null) {
        flows.add(flow.build());
        flow = null;
        proto = null;
      }
    }

    void closeInterface() {
      closeFlow();
      if (ifName != null) {
        interfaces.add(new IpsecInterface(ifName, tag, localAddr, flows));
      }
      ifName = tag = localAddr = null;
      flows = new ArrayList<>();
    }

    List<IpsecInterface> finish() {
      closeInterface();
      return List.copyOf(interfaces);
    }
  }

  /** One flow's fields while its lines are read. */
  private static final class FlowBuilder {
    ProxyIdent local;
    ProxyIdent remote;
    String peer;
    int peerPort;
    long encaps;
    long encrypt;
    long decaps;
    long decrypt;
    long sendErrors;
    long recvErrors;
    String localEnd;
    String remoteEnd;
    long outSpi;
    final List<IpsecSpi> sas = new ArrayList<>();
    SaBuilder sa;

    boolean read(String t) {
      Matcher m;
      if ((m = PEER.matcher(t)).matches()) {
        peer = m.group("peer");
        peerPort = Integer.parseInt(m.group("port"));
      } else if ((m = ENCAPS.matcher(t)).matches()) {
        encaps = Long.parseLong(m.group("a"));
        encrypt = Long.parseLong(m.group("b"));
      } else if ((m = DECAPS.matcher(t)).matches()) {
        decaps = Long.parseLong(m.group("a"));
        decrypt = Long.parseLong(m.group("b"));
      } else if ((m = ERRORS.matcher(t)).matches()) {
        sendErrors = Long.parseLong(m.group("a"));
        recvErrors = Long.parseLong(m.group("b"));
      } else if ((m = ENDPOINTS.matcher(t)).matches()) {
        localEnd = m.group("a");
        remoteEnd = m.group("b");
      } else if ((m = OUT_SPI.matcher(t)).matches()) {
        outSpi = Long.parseLong(m.group("hex"), 16);
      } else {
        return false;
      }
      return true;
    }

    void closeSa() {
      if (sa != null) {
        sas.add(sa.build());
        sa = null;
      }
    }

    IpsecFlow build() {
      closeSa();
      return new IpsecFlow(local, remote, peer, peerPort, encaps, encrypt, decaps, decrypt, sendErrors, recvErrors,
          localEnd, remoteEnd, outSpi, sas);
    }
  }

  /** One SA's fields while its lines are read. */
  private static final class SaBuilder {
    final boolean inbound;
    final String protocol;
    final long spi;
    String transform;
    String mode;
    Integer connId;
    Long kb;
    Long sec;

    SaBuilder(boolean inbound, String protocol, long spi) {
      this.inbound = inbound;
      this.protocol = protocol;
      this.spi = spi;
    }

    boolean read(String t) {
      Matcher m;
      if ((m = TRANSFORM.matcher(t)).matches()) {
        transform = m.group("t");
      } else if ((m = IN_USE.matcher(t)).matches()) {
        mode = m.group("mode").isEmpty() ? null : m.group("mode");
      } else if ((m = CONN_ID.matcher(t)).matches()) {
        connId = Integer.valueOf(m.group("id"));
      } else if ((m = TIMING.matcher(t)).matches()) {
        kb = Long.valueOf(m.group("kb"));
        sec = Long.valueOf(m.group("sec"));
      } else {
        return false;
      }
      return true;
    }

    IpsecSpi build() {
      return new IpsecSpi(inbound, protocol, spi, transform, mode, connId, kb, sec);
    }
  }
}
