package dev.dmvpn.virtualrack.config;

/** How a configuration command and its {@code no} form change the stored lines. */
public enum SettingKind {
  /** The command stores its line (replacing the same key); {@code no} removes it ({@code ip mtu}, {@code ip route}). */
  VALUE,
  /** Both forms are stored and printed ({@code no service password-encryption}, {@code no ip address}). */
  BOTH,
  /** On by default and not printed; only the {@code no} form is stored ({@code no ip redirects}). */
  NEGATIVE,
  /** The command opens a sub-mode block ({@code interface}, {@code router eigrp}); {@code no} deletes it. */
  BLOCK
}
