package dev.dmvpn.harness.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file's {@code hosts:} with variables substituted: alias to addresses (a value may list several, comma
 * separated), and each address's label for reports and diagrams ({@code alias}, or {@code alias-1},
 * {@code alias-2} for a list).
 */
final class HostTable {
  private final Map<String, List<String>> addresses = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();

  HostTable(Map<String, String> hosts, Scope scope) {
    hosts.forEach((alias, template) -> {
      String value = scope.substitute(template);
      List<String> list = value == null ? List.of() : split(value);
      addresses.put(alias, list);
      for (int i = 0; i < list.size(); i++) {
        labels.putIfAbsent(list.get(i), list.size() == 1 ? alias : alias + "-" + (i + 1));
      }
    });
  }

  static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** The addresses {@code endpoint} (alias, address, or template) stands for; null when a variable is unset. */
  List<String> resolve(String endpoint, Scope scope) {
    List<String> a = addresses.get(endpoint);
    if (a != null) {
      return a;
    }
    String value = scope.substitute(endpoint);
    return value == null ? null : split(value);
  }

  /** {@code hub (172.16.15.2)} for an alias, the addresses otherwise. */
  String describe(String endpoint, List<String> resolved) {
    String list = resolved == null ? "(unset variable)" : String.join(", ", resolved);
    return addresses.containsKey(endpoint) ? endpoint + " (" + list + ")" : list;
  }

  Map<String, String> labels() {
    return labels;
  }
}
