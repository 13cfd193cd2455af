package dev.dmvpn.ref.nhrp;

/**
 * The body of a packet of unknown type, kept as bytes (from the end of the fixed header to the extension
 * offset, or the packet end).
 *
 * @param bytes the body; must not be mutated
 */
public record NhrpOpaqueBody(byte[] bytes) implements NhrpBody {}
