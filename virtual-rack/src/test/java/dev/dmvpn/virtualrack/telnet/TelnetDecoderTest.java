package dev.dmvpn.virtualrack.telnet;

import static org.testng.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Line ends as RFC 854 defines them (CR LF, CR NUL) must give exactly one line end, also when the client writes
 * CR and LF in separate writes and a telnet command lands between them. The drivers developer saw 3 of 20 Commons
 * Net logins fail with CR, then IAC NOP, then LF: the LF became a second (empty) line.
 */
public class TelnetDecoderTest {
  private final List<String> negotiations = new ArrayList<>();
  private final TelnetDecoder decoder = new TelnetDecoder(new TelnetDecoder.Events() {
    @Override
    public void negotiation(int verb, int option) {
      negotiations.add(verb + "/" + option);
    }

    @Override
    public void subnegotiation(int option, byte[] data) {
      negotiations.add("sb/" + option);
    }
  });

  private String feed(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return decoder.decode(b, b.length);
  }

  @Test
  public void crLfIsOneLineEnd() {
    assertEquals(feed('a', '\r', '\n', 'b'), "a\rb");
  }

  @Test
  public void crNulIsOneLineEnd() {
    assertEquals(feed('a', '\r', 0, 'b'), "a\rb");
  }

  @Test
  public void crThenLfInALaterWriteIsOneLineEnd() {
    assertEquals(feed('a', '\r') + feed('\n') + feed('b'), "a\rb");
  }

  @Test
  public void crIacNopLfIsOneLineEnd() {
    assertEquals(feed('a', '\r', TelnetCodes.IAC, TelnetCodes.NOP, '\n', 'b'), "a\rb");
  }

  @Test
  public void crIacNopLfAcrossWritesIsOneLineEnd() {
    assertEquals(feed('a', '\r') + feed(TelnetCodes.IAC) + feed(TelnetCodes.NOP) + feed('\n'), "a\r");
  }

  @Test
  public void crNegotiationNulIsOneLineEndAndTheNegotiationIsSeen() {
    assertEquals(feed('\r', TelnetCodes.IAC, TelnetCodes.DO, TelnetCodes.ECHO, 0, 'x'), "\rx");
    assertEquals(negotiations, List.of(TelnetCodes.DO + "/" + TelnetCodes.ECHO));
  }

  @Test
  public void twoBareCrsAreTwoLineEnds() {
    assertEquals(feed('\r', '\r', 'x'), "\r\rx");
  }

  @Test
  public void bareLfAloneEndsALine() {
    assertEquals(feed('a', '\n', '\n'), "a\r\r");
  }

  @Test
  public void crLfCrLfIsTwoLineEnds() {
    assertEquals(feed('\r', '\n', '\r', '\n'), "\r\r");
  }
}
