package dev.dmvpn.topology;

import java.util.Optional;

/**
 * An interface from the {@code topology:} section.
 *
 * @param name canonical IOS name ({@code Fa0/0} becomes {@code FastEthernet0/0})
 * @param link the link (segment) it is cabled to, by name
 * @param type pyATS's interface type ({@code ethernet}, {@code serial}, ...), free text
 * @param ipv4 its address and prefix
 */
public record DeviceInterface(String name, Optional<String> link, Optional<String> type, Optional<Ipv4Cidr> ipv4) {}
