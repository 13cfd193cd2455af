/**
 * Emulated IOS 12.3 routers (2691/3725): the IOS command line ({@code cli}: command trees as data;
 * {@code session}: the exec session state machine), the configuration model ({@code config}), router state
 * ({@code router}), telnet endpoints ({@code telnet}: VTYs and a reverse-telnet terminal server) and a rack of
 * them ({@code rack}). See {@code virtual-rack/README.md}.
 */
package dev.dmvpn.virtualrack;
