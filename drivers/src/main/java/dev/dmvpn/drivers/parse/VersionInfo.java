package dev.dmvpn.drivers.parse;

/**
 * What {@code show version} says about the image and the box. Fields the output lacks are null.
 *
 * @param version the IOS version, e.g. {@code 12.3(3)}
 * @param imageFamily the image in parentheses on the version line, e.g. {@code C2691-IK9S-M}
 * @param hostname from {@code X uptime is ...}
 * @param uptime the text after {@code uptime is}
 * @param returnedToRomBy the text after {@code System returned to ROM by}
 * @param systemImage the quoted file of {@code System image file is "..."}
 * @param model the model of {@code cisco 2691 (R7000) processor}, e.g. {@code 2691}
 * @param processorBoardId the serial of {@code Processor board ID}
 * @param configRegister e.g. {@code 0x2102}
 */
public record VersionInfo(String version, String imageFamily, String hostname, String uptime, String returnedToRomBy,
    String systemImage, String model, String processorBoardId, String configRegister) {}
