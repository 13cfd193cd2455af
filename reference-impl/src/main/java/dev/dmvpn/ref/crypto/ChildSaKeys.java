package dev.dmvpn.ref.crypto;

/**
 * KEYMAT of one IPsec SA (one direction) split as strongSwan and libreswan do: encryption key first, then the
 * integrity key. Arrays are shared: do not modify them.
 *
 * @param encryptionKey e.g. 24 bytes for 3DES, 16+4 (key + salt) for AES-GCM-128
 * @param integrityKey e.g. 16 bytes for HMAC-MD5-96, empty for AES-GCM
 */
public record ChildSaKeys(byte[] encryptionKey, byte[] integrityKey) {}
