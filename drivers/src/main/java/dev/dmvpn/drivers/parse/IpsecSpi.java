package dev.dmvpn.drivers.parse;

/**
 * One SA of {@code show crypto ipsec sa} under {@code inbound esp sas:} and its siblings.
 *
 * @param inbound whether it is listed under an inbound heading
 * @param protocol {@code esp}, {@code ah} or {@code pcp}
 * @param spi the SPI ({@code spi: 0xEA8C83C1(3935077313)})
 * @param transform the transform as printed, without the trailing comma ({@code esp-3des esp-md5-hmac})
 * @param mode the first {@code in use settings} word ({@code Tunnel}, {@code Transport}), or null
 * @param connId the {@code conn id}, or null
 * @param remainingKilobytes the {@code remaining key lifetime (k/sec)} volume, or null
 * @param remainingSeconds its time part, or null
 */
public record IpsecSpi(boolean inbound, String protocol, long spi, String transform, String mode, Integer connId,
    Long remainingKilobytes, Long remainingSeconds) {}
