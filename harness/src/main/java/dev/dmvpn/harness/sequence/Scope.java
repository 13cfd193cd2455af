package dev.dmvpn.harness.sequence;

import java.util.HashMap;
import java.util.Map;

/**
 * Variable values while a check runs: values bound by {@code capture:} and {@code for_each} first, then the
 * caller's, then the file's {@code variables:} defaults.
 */
final class Scope {
  private final Map<String, String> bound = new HashMap<>();
  private final Map<String, String> caller;
  private final Map<String, String> defaults;
  private final Scope parent;

  Scope(Map<String, String> caller, Map<String, String> defaults) {
    this(caller, defaults, null);
  }

  private Scope(Map<String, String> caller, Map<String, String> defaults, Scope parent) {
    this.caller = caller;
    this.defaults = defaults;
    this.parent = parent;
  }

  /** A scope whose bindings stay its own (one {@code for_each} value) and fall back to this one's. */
  Scope child() {
    return new Scope(caller, defaults, this);
  }

  void bind(String name, String value) {
    bound.put(name, value);
  }

  String lookup(String name) {
    String v = bound.get(name);
    if (v != null) {
      return v;
    }
    if (parent != null) {
      return parent.lookup(name);
    }
    v = caller.get(name);
    return v != null ? v : defaults.get(name);
  }

  /** The text with its references replaced; null when one has no value. */
  String substitute(String text) {
    return Template.substitute(text, this::lookup);
  }
}
