package dev.dmvpn.virtualrack.cli;

import java.util.List;
import java.util.Map;

/**
 * A matched command: its words spelled out (keywords in full, parameters in canonical form), the parameters by
 * name, and the line as typed.
 */
public record Invocation(List<String> words, Map<String, String> args, String typed) {

  public Invocation {
    words = List.copyOf(words);
    args = Map.copyOf(args);
  }

  /** The command as IOS stores it: {@code int fa0/0} becomes {@code interface FastEthernet0/0}. */
  public String canonical() {
    return String.join(" ", words);
  }

  /** A parameter's value, or {@code null} when the matched variant has no such parameter. */
  public String arg(String name) {
    return args.get(name);
  }

  public boolean has(String keywordOrParam) {
    return words.contains(keywordOrParam) || args.containsKey(keywordOrParam);
  }
}
