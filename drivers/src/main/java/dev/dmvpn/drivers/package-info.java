/** Reaching devices over telnet, SSH and terminal-server console; prompts, dialogs, config push, parsers. Not built yet. */
package dev.dmvpn.drivers;
