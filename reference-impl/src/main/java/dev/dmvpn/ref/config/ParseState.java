package dev.dmvpn.ref.config;

import dev.dmvpn.ref.config.ConfigProblem.Severity;
import dev.dmvpn.ref.config.Drafts.EigrpDraft;
import dev.dmvpn.ref.config.Drafts.InterfaceDraft;
import dev.dmvpn.ref.config.Drafts.PolicyDraft;
import dev.dmvpn.ref.config.Drafts.ProfileDraft;
import dev.dmvpn.ref.config.Drafts.TransformSetDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the parser has read so far, the sub-mode it is in, and the problems found. */
final class ParseState {

  /** IOS configuration modes the parser tracks (prompts as in ios-12.3-formats.md). */
  enum Mode {
    GLOBAL("global configuration"),
    INTERFACE("interface"),
    ISAKMP_POLICY("crypto isakmp policy"),
    TRANSFORM_SET("crypto ipsec transform-set"),
    IPSEC_PROFILE("crypto ipsec profile"),
    ROUTER_EIGRP("router eigrp"),
    LINE("line"),
    /** A block (sub-mode) the parser does not read: ignored or unsupported; its indented lines are skipped. */
    BLOCK("block");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  final List<ConfigLine> raw = new ArrayList<>();
  final List<ConfigProblem> problems = new ArrayList<>();
  final List<ConfigProblem> ignored = new ArrayList<>();
  final Map<String, InterfaceDraft> interfaces = new LinkedHashMap<>();
  final Map<Integer, PolicyDraft> policies = new LinkedHashMap<>();
  final List<IsakmpKey> keys = new ArrayList<>();
  final Map<String, TransformSetDraft> transformSets = new LinkedHashMap<>();
  final Map<String, ProfileDraft> profiles = new LinkedHashMap<>();
  final List<StaticRoute> routes = new ArrayList<>();
  final Map<Integer, EigrpDraft> eigrp = new LinkedHashMap<>();
  String hostname;
  String version;

  Mode mode = Mode.GLOBAL;
  String modeName = "";
  ConfigLine line;
  InterfaceDraft iface;
  PolicyDraft policy;
  TransformSetDraft transformSet;
  ProfileDraft profile;
  EigrpDraft router;

  void enter(Mode m, String name) {
    mode = m;
    modeName = name;
  }

  /** Where the parser is, for messages: {@code interface Tunnel0}. */
  String where() {
    return mode == Mode.GLOBAL ? "global configuration" : mode.label + " " + modeName;
  }

  void ignore(String reason) {
    ignored.add(ConfigProblem.of(line, Severity.IGNORED, reason));
  }

  void warn(String reason) {
    problems.add(ConfigProblem.of(line, Severity.WARNING, reason));
  }

  void error(String reason) {
    problems.add(ConfigProblem.of(line, Severity.ERROR, reason));
  }

  IosConfig build() {
    return new IosConfig(hostname, version,
        interfaces.values().stream().map(InterfaceDraft::build).toList(),
        policies.values().stream().map(PolicyDraft::build).toList(),
        keys,
        transformSets.values().stream().map(TransformSetDraft::build).toList(),
        profiles.values().stream().map(ProfileDraft::build).toList(),
        routes,
        eigrp.values().stream().map(EigrpDraft::build).toList(),
        raw);
  }
}
