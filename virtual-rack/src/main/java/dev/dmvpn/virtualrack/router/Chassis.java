package dev.dmvpn.virtualrack.router;

import java.util.List;

/**
 * The hardware and image of one emulated router: what {@code show version} prints and the physical interfaces in
 * the order IOS lists them.
 *
 * @param model {@code 2691} or {@code 3725}
 * @param imageLine the {@code IOS (tm) ...} line
 * @param imageFile the {@code System image file is} value
 * @param processor the {@code cisco 2691 (R7000) processor ...} line
 * @param boardId {@code Processor board ID}
 * @param cpu the CPU line
 * @param inventory the interface summary lines ({@code 2 FastEthernet/IEEE 802.3 interface(s)}, ...)
 * @param interfaces physical interfaces in IOS order
 * @param nvramBytes size of NVRAM ({@code 55K bytes of non-volatile configuration memory})
 */
public record Chassis(
    String model, String imageLine, String imageFile, String processor, String boardId, String cpu,
    List<String> inventory, List<String> interfaces, int nvramBytes) {

  public Chassis {
    inventory = List.copyOf(inventory);
    interfaces = List.copyOf(interfaces);
  }

  /** Position of a physical interface in IOS order, or a large number for an unknown one. */
  public long order(String name) {
    int i = interfaces.indexOf(name);
    return i < 0 ? 999_999 : i;
  }

  public boolean has(String name) {
    return interfaces.contains(name);
  }

  private static final String IMAGE_2691 = "IOS (tm) 2600 Software (C2691-IK9S-M), Version 12.3(3), RELEASE SOFTWARE (fc2)";

  /**
   * A 2691 as the document's sv9-4 {@code show version} describes it (seed lines 57-96): 2 FastEthernet, 2 serial,
   * 1 ATM, the VPN module, 55K NVRAM. The extraction wrapped the image line and read the ROM's {@code (fc1)} as
   * {@code (fcl)}; printed here on one line as IOS does.
   */
  public static Chassis c2691(List<String> interfaces, List<String> inventory) {
    return new Chassis("2691", IMAGE_2691, "flash:c2691-ik9s-mz.123-3.bin",
        "cisco 2691 (R7000) processor (revision 0.1) with 98304K/32768K bytes of memory.", "JMX0710L5CE",
        "R7000 CPU at 160Mhz, Implementation 39, Rev 3.3, 256KB L2 Cache", inventory, interfaces, 56320);
  }

  /** sv9-4: the document's show version and show run (FastEthernet0/0-1, Serial0/0-1, ATM1/0). */
  public static Chassis sv94() {
    return c2691(List.of("FastEthernet0/0", "Serial0/0", "FastEthernet0/1", "Serial0/1", "ATM1/0"), List.of(
        "2 FastEthernet/IEEE 802.3 interface(s)", "2 Serial(sync/async) network interface(s)",
        "1 ATM network interface(s)", "1 Virtual Private Network (VPN) Module(s)"));
  }

  /** sv9-2: a 2691 (seed README) with the interfaces its show run lists (FastEthernet0/0-1, BRI1/0-3). */
  public static Chassis sv92() {
    return c2691(List.of("FastEthernet0/0", "FastEthernet0/1", "BRI1/0", "BRI1/1", "BRI1/2", "BRI1/3"), List.of(
        "2 FastEthernet/IEEE 802.3 interface(s)", "4 ISDN Basic Rate interface(s)",
        "1 Virtual Private Network (VPN) Module(s)"));
  }

  /**
   * sv9-3: a 3725 running {@code c3725-ik9s-mz.123-3.bin} (its boot system line). Its show version is not in the
   * document; processor and memory lines are the 3725's usual ones [unconfirmed].
   */
  public static Chassis sv93() {
    return new Chassis("3725", "IOS (tm) 3700 Software (C3725-IK9S-M), Version 12.3(3), RELEASE SOFTWARE (fc2)",
        "flash:c3725-ik9s-mz.123-3.bin",
        "cisco 3725 (R7000) processor (revision 0.1) with 124928K/6144K bytes of memory.", "JMX0000L000",
        "R7000 CPU at 240Mhz, Implementation 39, Rev 3.3, 256KB L2 Cache",
        List.of("2 FastEthernet/IEEE 802.3 interface(s)", "1 Virtual Private Network (VPN) Module(s)"),
        List.of("FastEthernet0/0", "FastEthernet0/1"), 56320);
  }

  /** A 3725 as {@link #sv93} describes it, with the given interfaces (a rack from a testbed). */
  public static Chassis c3725(List<String> interfaces) {
    Chassis base = sv93();
    return new Chassis(base.model(), base.imageLine(), base.imageFile(), base.processor(), base.boardId(), base.cpu(),
        base.inventory(), interfaces, base.nvramBytes());
  }

  /**
   * The terminal server in front of the consoles: an access server with async lines 1-16 (reverse telnet on
   * ports 2001-2016). Its hardware does not matter to the tests; the lines are what it is for [illustrative].
   */
  public static Chassis terminalServer() {
    return new Chassis("2511", "IOS (tm) 2500 Software (C2500-I-L), Version 12.3(3), RELEASE SOFTWARE (fc2)",
        "flash:c2500-i-l.123-3.bin", "cisco 2511 (68030) processor (revision L) with 14336K/2048K bytes of memory.",
        "00000000", "68030 CPU", List.of("1 Ethernet/IEEE 802.3 interface(s)", "16 terminal line(s)"),
        List.of("Ethernet0"), 32768);
  }
}
