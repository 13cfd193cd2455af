package dev.dmvpn.drivers.parse;

/**
 * A proxy identity of {@code show crypto ipsec sa}, {@code (addr/mask/prot/port)}: for a GRE tunnel protection
 * {@code (209.168.202.130/255.255.255.255/47/0)}.
 */
public record ProxyIdent(String address, String mask, int protocol, int port) {}
