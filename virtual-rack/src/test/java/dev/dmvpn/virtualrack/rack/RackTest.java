package dev.dmvpn.virtualrack.rack;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.testng.annotations.Test;

/** Three routers and a terminal server on loopback: each console and VTY answers with its own host name. */
public class RackTest {

  @Test
  public void consolesAndVtysReachTheirRouters() throws Exception {
    try (ExecutorScheduler scheduler = ExecutorScheduler.realTime("rack-test");
        Rack rack = Rack.start(List.of(
            new RackRouter("sv9-2", Chassis.sv92(), "hostname sv9-2\nline vty 0 4\n no login\nend\n"),
            new RackRouter("sv9-3", Chassis.sv93(), "hostname sv9-3\nline vty 0 4\n no login\nend\n"),
            new RackRouter("sv9-4", Chassis.sv94(), "hostname sv9-4\nline vty 0 4\n no login\nend\n")),
            scheduler, "hostname ts\nend\n", 0, 0, 0)) {
      for (String name : new String[] {"sv9-2", "sv9-3", "sv9-4"}) {
        assertTrue(read(rack.vtyPort(name), "").contains(name + ">"), name + " vty");
        assertTrue(read(rack.consolePort(name), "\r\n").contains(name + ">"), name + " console");
      }
      assertNotEquals(rack.consolePort("sv9-2"), rack.consolePort("sv9-3"));
      // SSH answers with the Cisco banner before any key exchange
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rack.sshPort("sv9-3"))) {
        s.setSoTimeout(5000);
        byte[] banner = new byte[19];
        int n = s.getInputStream().readNBytes(banner, 0, banner.length);
        assertEquals(new String(banner, 0, n, StandardCharsets.US_ASCII), "SSH-2.0-Cisco-1.25\r");
      }
      assertEquals(rack.router("sv9-4").router().hostname(), "sv9-4");
    }
  }

  private static String read(int port, String send) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(send.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder sb = new StringBuilder();
      long deadline = System.currentTimeMillis() + 5000;
      while (System.currentTimeMillis() < deadline && !sb.toString().contains(">")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        sb.append((char) b);
      }
      return sb.toString();
    }
  }
}
