package dev.dmvpn.virtualrack.config;

import static dev.dmvpn.virtualrack.cli.CliMode.CONFIG;
import static dev.dmvpn.virtualrack.cli.CliMode.CONFIG_IF;
import static dev.dmvpn.virtualrack.cli.CliMode.CONFIG_ISAKMP;
import static dev.dmvpn.virtualrack.cli.CliMode.CONFIG_LINE;
import static dev.dmvpn.virtualrack.cli.CliMode.CONFIG_ROUTER;
import static dev.dmvpn.virtualrack.cli.CliMode.CRYPTO_TRANS;
import static dev.dmvpn.virtualrack.cli.CliMode.IPSEC_PROFILE;
import static dev.dmvpn.virtualrack.config.ConfigSetting.block;
import static dev.dmvpn.virtualrack.config.ConfigSetting.both;
import static dev.dmvpn.virtualrack.config.ConfigSetting.negative;
import static dev.dmvpn.virtualrack.config.ConfigSetting.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Every configuration command the emulated routers accept, as data: the commands of the document's three
 * configurations (including its noise lines such as {@code no voice hpi capture buffer}) and the usual neighbours
 * an operator types. Ranks give IOS's print order; within an interface they follow the document's
 * {@code show run} (ip address, no ip redirects, ip mtu, ip nhrp ..., tunnel ..., duplex, speed, clockrate,
 * no fair-queue).
 */
public final class ConfigCatalog {
  /** Global ranks; {@link ConfigRenderer} prints them in groups separated as the document's show run is. */
  public static final int VERSION = 100;
  public static final int SERVICE = 110;
  public static final int HOSTNAME = 200;
  public static final int BOOT = 300;
  public static final int ENABLE = 400;
  public static final int AAA = 500;
  public static final int DOMAIN = 600;
  public static final int SSH = 700;
  public static final int ISAKMP = 800;
  public static final int TRANSFORM = 900;
  public static final int PROFILE = 950;
  public static final int VOICE = 1000;
  public static final int FAX = 1100;
  public static final int INTERFACE = 5000;
  public static final int ROUTER = 6000;
  public static final int IP_TAIL = 7000;
  public static final int LINE = 9000;

  private static final String[] ENCRYPTION = {"esp-des", "esp-3des", "esp-aes", "esp-null"};
  private static final String[] AUTH = {"esp-md5-hmac", "esp-sha-hmac"};

  private ConfigCatalog() {}

  public static List<ConfigSetting> all() {
    List<ConfigSetting> s = new ArrayList<>();
    global(s);
    crypto(s);
    iface(s);
    router(s);
    line(s);
    return s;
  }

  private static void global(List<ConfigSetting> s) {
    s.add(value(CONFIG, "version $version:word", 1, VERSION).withHelp("Version"));
    for (String what : new String[] {"debug", "log"}) {
      int r = SERVICE + (what.equals("log") ? 1 : 0);
      s.add(value(CONFIG, "service timestamps " + what + " uptime", 3, r));
      s.add(value(CONFIG, "service timestamps " + what + " datetime", 3, r));
      s.add(value(CONFIG, "service timestamps " + what + " datetime msec", 3, r));
      s.add(value(CONFIG, "service timestamps " + what + " datetime msec localtime", 3, r));
      s.add(value(CONFIG, "service timestamps " + what + " datetime localtime", 3, r));
    }
    s.add(both(CONFIG, "service password-encryption", 2, SERVICE + 2));
    s.add(value(CONFIG, "service tcp-keepalives-in", 2, SERVICE + 3));
    s.add(value(CONFIG, "service tcp-keepalives-out", 2, SERVICE + 3));
    s.add(value(CONFIG, "hostname $name:word", 1, HOSTNAME).withHelp("Set system's network name"));
    s.add(value(CONFIG, "boot-start-marker", 1, BOOT));
    s.add(value(CONFIG, "boot system $file:word", 3, BOOT + 1));
    s.add(value(CONFIG, "boot-end-marker", 1, BOOT + 2));
    s.add(value(CONFIG, "enable secret $secret:line", 2, ENABLE));
    s.add(value(CONFIG, "enable secret 0 $secret:line", 2, ENABLE));
    s.add(value(CONFIG, "enable secret 5 $hash:word", 2, ENABLE));
    s.add(value(CONFIG, "enable password $password:line", 2, ENABLE + 1));
    s.add(value(CONFIG, "enable password 0 $password:line", 2, ENABLE + 1));
    s.add(value(CONFIG, "username $user:word password $password:line", 2, SSH + 50));
    s.add(value(CONFIG, "username $user:word password 0 $password:line", 2, SSH + 50));
    s.add(value(CONFIG, "username $user:word secret $secret:line", 2, SSH + 50));
    s.add(value(CONFIG, "username $user:word secret 5 $hash:word", 2, SSH + 50));
    s.add(both(CONFIG, "aaa new-model", 2, AAA));
    s.add(both(CONFIG, "ip subnet-zero", 2, AAA + 10));
    s.add(value(CONFIG, "ip cef", 2, AAA + 20));
    s.add(negative(CONFIG, "ip domain lookup", 3, DOMAIN));
    s.add(negative(CONFIG, "ip domain-lookup", 2, DOMAIN));
    s.add(value(CONFIG, "ip domain name $name:word", 3, DOMAIN + 10));
    s.add(value(CONFIG, "ip ssh break-string", 3, SSH));
    s.add(value(CONFIG, "ip ssh break-string $string:word", 3, SSH));
    s.add(value(CONFIG, "ip ssh time-out $seconds:1-120", 3, SSH + 1));
    s.add(value(CONFIG, "ip ssh authentication-retries $n:0-5", 3, SSH + 2));
    s.add(both(CONFIG, "voice hpi capture buffer $bytes:0-50000000", 4, VOICE));
    s.add(both(CONFIG, "voice hpi capture destination $url:word", 4, VOICE + 1));
    s.add(value(CONFIG, "fax interface-type fax-mail", 2, FAX));
    s.add(value(CONFIG, "fax interface-type modem", 2, FAX));
    s.add(block(CONFIG, "interface $name:iface", 2, INTERFACE, CONFIG_IF)
        .withHelp("Select an interface to configure"));
    s.add(block(CONFIG, "router eigrp $as:1-65535", 3, ROUTER, CONFIG_ROUTER));
    s.add(both(CONFIG, "ip http server", 3, IP_TAIL));
    s.add(both(CONFIG, "ip http secure-server", 3, IP_TAIL + 1));
    s.add(both(CONFIG, "ip classless", 2, IP_TAIL + 10));
    s.add(value(CONFIG, "ip route $prefix:ipv4 $mask:ipv4 $nexthop:ipv4", 5, IP_TAIL + 20));
    s.add(value(CONFIG, "ip route $prefix:ipv4 $mask:ipv4 $nexthop:ipv4 $distance:1-255", 5, IP_TAIL + 20));
    s.add(value(CONFIG, "ip route $prefix:ipv4 $mask:ipv4 $exit:iface", 5, IP_TAIL + 20));
    s.add(value(CONFIG, "logging buffered $size:4096-2147483647", 2, IP_TAIL + 100));
    s.add(negative(CONFIG, "logging console", 2, IP_TAIL + 101));
    s.add(block(CONFIG, "line con 0", 3, LINE, CONFIG_LINE).withHelp("Configure a terminal line"));
    s.add(block(CONFIG, "line aux 0", 3, LINE, CONFIG_LINE));
    s.add(block(CONFIG, "line vty $first:0-15", 3, LINE, CONFIG_LINE));
    s.add(block(CONFIG, "line vty $first:0-15 $last:0-15", 3, LINE, CONFIG_LINE));
  }

  private static void crypto(List<ConfigSetting> s) {
    s.add(block(CONFIG, "crypto isakmp policy $priority:1-10000", 4, ISAKMP, CONFIG_ISAKMP));
    s.add(value(CONFIG, "crypto isakmp key $key:word address $peer:ipv4 $mask:ipv4", 7, ISAKMP + 50));
    s.add(value(CONFIG, "crypto isakmp key $key:word address $peer:ipv4", 6, ISAKMP + 50));
    s.add(value(CONFIG, "crypto isakmp keepalive $seconds:10-3600", 3, ISAKMP + 60));
    for (String e : ENCRYPTION) {
      s.add(block(CONFIG, "crypto ipsec transform-set $name:word " + e, 4, TRANSFORM, CRYPTO_TRANS));
      for (String a : AUTH) {
        s.add(block(CONFIG, "crypto ipsec transform-set $name:word " + e + " " + a, 4, TRANSFORM, CRYPTO_TRANS));
      }
    }
    for (String a : AUTH) {
      s.add(block(CONFIG, "crypto ipsec transform-set $name:word " + a, 4, TRANSFORM, CRYPTO_TRANS));
    }
    s.add(block(CONFIG, "crypto ipsec profile $name:word", 4, PROFILE, IPSEC_PROFILE));
    for (String e : new String[] {"des", "3des", "aes"}) {
      s.add(value(CONFIG_ISAKMP, "encryption " + e, 1, 10).withDefault("encryption des"));
    }
    s.add(value(CONFIG_ISAKMP, "hash md5", 1, 20).withDefault("hash sha"));
    s.add(value(CONFIG_ISAKMP, "hash sha", 1, 20).withDefault("hash sha"));
    for (String a : new String[] {"pre-share", "rsa-sig", "rsa-encr"}) {
      s.add(value(CONFIG_ISAKMP, "authentication " + a, 1, 30).withDefault("authentication rsa-sig"));
    }
    for (String g : new String[] {"1", "2", "5"}) {
      s.add(value(CONFIG_ISAKMP, "group " + g, 1, 40).withDefault("group 1"));
    }
    s.add(value(CONFIG_ISAKMP, "lifetime $seconds:60-86400", 1, 50).withDefault("lifetime 86400"));
    s.add(value(CRYPTO_TRANS, "mode transport", 1, 10).withDefault("mode tunnel"));
    s.add(value(CRYPTO_TRANS, "mode tunnel", 1, 10).withDefault("mode tunnel"));
    s.add(value(IPSEC_PROFILE, "set security-association lifetime seconds $seconds:120-86400", 4, 10));
    s.add(value(IPSEC_PROFILE, "set security-association lifetime kilobytes $kb:2560-536870912", 4, 11));
    s.add(value(IPSEC_PROFILE, "set transform-set $set1:word", 2, 20));
    s.add(value(IPSEC_PROFILE, "set transform-set $set1:word $set2:word", 2, 20));
    for (String g : new String[] {"group1", "group2", "group5"}) {
      s.add(value(IPSEC_PROFILE, "set pfs " + g, 2, 30));
    }
  }

  private static void iface(List<ConfigSetting> s) {
    s.add(value(CONFIG_IF, "description $text:line", 1, 5));
    s.add(both(CONFIG_IF, "ip address $address:ipv4 $mask:ipv4", 2, 10));
    s.add(negative(CONFIG_IF, "ip redirects", 2, 20));
    s.add(negative(CONFIG_IF, "ip unreachables", 2, 21));
    s.add(negative(CONFIG_IF, "ip proxy-arp", 2, 22));
    s.add(value(CONFIG_IF, "ip mtu $bytes:68-1500", 2, 30));
    s.add(value(CONFIG_IF, "ip nhrp authentication $string:word", 3, 40));
    s.add(value(CONFIG_IF, "ip nhrp map multicast dynamic", 5, 41));
    s.add(value(CONFIG_IF, "ip nhrp map $protocol:ipv4 $nbma:ipv4", 4, 42));
    s.add(value(CONFIG_IF, "ip nhrp map multicast $nbma:ipv4", 5, 43));
    s.add(value(CONFIG_IF, "ip nhrp network-id $id:1-4294967295", 3, 44));
    s.add(value(CONFIG_IF, "ip nhrp holdtime $seconds:1-65535", 3, 45));
    s.add(value(CONFIG_IF, "ip nhrp nhs $server:ipv4", 4, 46));
    s.add(value(CONFIG_IF, "ip nhrp registration no-unique", 4, 47));
    s.add(negative(CONFIG_IF, "ip split-horizon eigrp $as:1-65535", 4, 50));
    s.add(value(CONFIG_IF, "ip hello-interval eigrp $as:1-65535 $seconds:1-65535", 4, 51));
    s.add(value(CONFIG_IF, "ip hold-time eigrp $as:1-65535 $seconds:1-65535", 4, 52));
    s.add(value(CONFIG_IF, "shutdown", 1, 60));
    s.add(value(CONFIG_IF, "tunnel source $source:iface", 2, 70));
    s.add(value(CONFIG_IF, "tunnel source $address:ipv4", 2, 70));
    s.add(value(CONFIG_IF, "tunnel destination $address:ipv4", 2, 71));
    s.add(value(CONFIG_IF, "tunnel mode gre multipoint", 2, 72).withDefault("tunnel mode gre ip"));
    s.add(value(CONFIG_IF, "tunnel mode gre ip", 2, 72).withDefault("tunnel mode gre ip"));
    s.add(value(CONFIG_IF, "tunnel key $key:0-4294967295", 2, 73));
    s.add(value(CONFIG_IF, "tunnel protection ipsec profile $profile:word", 2, 74));
    for (String d : new String[] {"auto", "full", "half"}) {
      s.add(value(CONFIG_IF, "duplex " + d, 1, 80));
    }
    for (String sp : new String[] {"auto", "10", "100"}) {
      s.add(value(CONFIG_IF, "speed " + sp, 1, 81));
    }
    s.add(value(CONFIG_IF, "clockrate $bps:300-8000000", 1, 85));
    s.add(negative(CONFIG_IF, "fair-queue", 1, 90));
    s.add(value(CONFIG_IF, "bandwidth $kbps:1-10000000", 1, 7));
    s.add(negative(CONFIG_IF, "keepalive", 1, 95));
  }

  private static void router(List<ConfigSetting> s) {
    s.add(value(CONFIG_ROUTER, "network $network:ipv4", 2, 10));
    s.add(value(CONFIG_ROUTER, "network $network:ipv4 $wildcard:ipv4", 2, 10));
    s.add(value(CONFIG_ROUTER, "passive-interface $name:iface", 2, 20));
    s.add(negative(CONFIG_ROUTER, "auto-summary", 1, 30));
    s.add(value(CONFIG_ROUTER, "eigrp log-neighbor-changes", 2, 5));
  }

  private static void line(List<ConfigSetting> s) {
    s.add(value(CONFIG_LINE, "exec-timeout $minutes:0-35791", 1, 10));
    s.add(value(CONFIG_LINE, "exec-timeout $minutes:0-35791 $seconds:0-2147483", 1, 10));
    s.add(value(CONFIG_LINE, "privilege level $level:0-15", 2, 12));
    s.add(value(CONFIG_LINE, "logging synchronous", 2, 14));
    s.add(value(CONFIG_LINE, "password $password:line", 1, 20));
    s.add(value(CONFIG_LINE, "password 0 $password:line", 1, 20));
    s.add(value(CONFIG_LINE, "login", 1, 30));
    s.add(value(CONFIG_LINE, "login local", 1, 30));
    String[] directions = {"preferred", "input", "output"};
    for (int d = 0; d < directions.length; d++) {
      for (String p : new String[] {"all", "none", "telnet", "ssh"}) {
        s.add(value(CONFIG_LINE, "transport " + directions[d] + " " + p, 2, 40 + d));
      }
    }
    s.add(value(CONFIG_LINE, "escape-character $char:word", 1, 50));
    s.add(value(CONFIG_LINE, "length $lines:0-512", 1, 60));
    s.add(value(CONFIG_LINE, "width $columns:0-512", 1, 61));
    s.add(value(CONFIG_LINE, "speed $bps:0-4294967295", 1, 62));
    s.add(value(CONFIG_LINE, "stopbits 1", 1, 63));
    s.add(value(CONFIG_LINE, "history size $lines:0-256", 2, 64));
  }
}
