package dev.dmvpn.drivers.parse;

/**
 * One row of {@code show crypto isakmp sa}.
 *
 * @param ipv6 whether the row is in the {@code IPv6 Crypto ISAKMP SA} section
 * @param dst the destination address
 * @param src the source address
 * @param state {@code QM_IDLE}, {@code MM_NO_STATE}, ...
 * @param connId the connection id
 * @param slot the 12.3 {@code slot} column, or null in layouts without it
 * @param status the 12.4T+ {@code status} column ({@code ACTIVE}, {@code ACTIVE (deleted)}), or null in 12.3
 */
public record IsakmpSa(boolean ipv6, String dst, String src, String state, int connId, Integer slot, String status) {}
