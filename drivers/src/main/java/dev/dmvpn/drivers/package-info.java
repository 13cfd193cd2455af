/**
 * Reaching IOS devices: {@code transport} (telnet, SSH, replayed transcripts), {@code channel} (reading to a prompt
 * with deadlines, cleaning, syslog separation, masked transcripts), {@code ios} (modes, dialogs, operations).
 */
package dev.dmvpn.drivers;
