package dev.dmvpn.drivers.ios;

/** The command modes a driver moves between; every configuration sub-mode ({@code (config-if)#}) is CONFIG_SUB. */
public enum IosMode {
  USER_EXEC,
  PRIVILEGED_EXEC,
  CONFIG,
  CONFIG_SUB
}
