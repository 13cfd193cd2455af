package dev.dmvpn.harness.json;

import static org.testng.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.testng.annotations.Test;

/**
 * The byte writer of the decode command: Jackson (an independent JSON implementation) reads back every value it
 * writes, and for the shared forms it writes exactly what {@link JsonWriter} writes (the decode output before the
 * byte writer existed, which the decode tests were written against).
 */
public class JsonBytesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] STRINGS = {"", "plain", "registration-request", "quote\"back\\slash",
    "tab\tnl\ncr\r", "ctl\u0001\u001f", "del\u007f c1\u0085\u009f", "latin1 é", "bmp \u20ac", "astral \ud83d\ude00",
    "NHRPAUTH"};
  private static final long[] NUMBERS = {0, 1, 9, 10, 99, 100, 999, 1000, 1001, 65535, 123456, 1234567, 10_000_000,
    2147483647L, 2147483648L, 4294967295L, -1, -1000, -2147483648L,
    Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000_000_000L};

  @Test
  public void stringsAndNumbersMatchJsonWriterAndReadBack() throws Exception {
    for (String s : STRINGS) {
      JsonBytes b = new JsonBytes(4);
      b.beginObject().field("k", s).endObject();
      StringBuilder sb = new StringBuilder();
      new JsonWriter(sb).beginObject().field("k", s).endObject();
      assertEquals(b.toString(), sb.toString(), s);
      assertEquals(JSON.readTree(b.toByteArray()).get("k").asText(), s);
    }
    for (long v : NUMBERS) {
      JsonBytes b = new JsonBytes(4);
      b.beginArray().value(v).value((Long) null).value(true).endArray();
      StringBuilder sb = new StringBuilder();
      new JsonWriter(sb).beginArray().value(v).value((Long) null).value(true).endArray();
      assertEquals(b.toString(), sb.toString());
      assertEquals(JSON.readTree(b.toByteArray()).get(0).asLong(), v);
    }
  }

  @Test
  public void addressesHexAndTimestamps() throws Exception {
    JsonBytes b = new JsonBytes(8);
    b.beginObject();
    b.name("a").ipv4(0xD1A8CAE1);
    b.name("b").ipv4(new byte[] {0, (byte) 192, (byte) 168, 1, 3}, 1);
    b.name("c").hex("0x", 0x2001, 4);
    b.name("d").hex("0x", 0xc92b34bbL, 8);
    b.name("e").hex("", 0xfafaeb49382a763cL, 16);
    b.name("f").hex(new byte[] {0x4a, 0x13, (byte) 0x1c, (byte) 0x81});
    b.name("g").epochSeconds(1_422_174_105_190_210_000L);
    b.name("h").epochSeconds(-1);
    b.endObject();
    JsonNode n = JSON.readTree(b.toByteArray());
    assertEquals(n.get("a").asText(), "209.168.202.225");
    assertEquals(n.get("b").asText(), "192.168.1.3");
    assertEquals(n.get("c").asText(), "0x2001");
    assertEquals(n.get("d").asText(), "0xc92b34bb");
    assertEquals(n.get("e").asText(), "fafaeb49382a763c");
    assertEquals(n.get("f").asText(), "4a131c81");
    assertEquals(n.get("g").decimalValue().compareTo(new BigDecimal("1422174105.19021")), 0);
    assertEquals(b.toString().substring(b.toString().indexOf("\"g\":")), "\"g\":1422174105.190210000,"
        + "\"h\":-1.999999999}");
  }

  @Test
  public void resetReusesTheBufferAndLinesEndWithNewlines() {
    JsonBytes b = new JsonBytes(4);
    b.beginObject().field("x", 1).endObject().newline().beginObject().field("y", 2).endObject().newline();
    assertEquals(b.toString(), "{\"x\":1}\n{\"y\":2}\n");
    b.reset();
    b.beginObject().endObject();
    assertEquals(b.toString(), "{}");
  }

  @Test
  public void repeatedSecondsAndReplayedPrefixesWriteWhatTheLongFormsWrite() throws Exception {
    JsonBytes b = new JsonBytes(4);
    b.beginArray().epochSeconds(1_795_737_600_000_010_000L).epochSeconds(1_795_737_600_999_999_999L)
        .epochSeconds(1_795_737_601_000_000_007L).epochSeconds(1_795_737_600_000_000_000L).endArray();
    assertEquals(b.toString(),
        "[1795737600.000010000,1795737600.999999999,1795737601.000000007,1795737600.000000000]");
    JsonBytes p = new JsonBytes(4);
    p.beginObject().field("type", 3).field("name", "responder-address").name("length");
    JsonName prefix = p.toPrefix();
    JsonBytes w = new JsonBytes(4);
    w.beginArray().name(prefix).value(20).endObject().name(prefix).value(0).endObject().endArray();
    StringBuilder sb = new StringBuilder();
    JsonWriter j = new JsonWriter(sb).beginArray();
    for (int len : new int[] {20, 0}) {
      j.beginObject().field("type", 3).field("name", "responder-address").field("length", len).endObject();
    }
    j.endArray();
    assertEquals(w.toString(), sb.toString());
    assertEquals(JSON.readTree(w.toByteArray()).get(1).get("length").asInt(), 0);
    assertEquals(JsonName.of("nhrp.op").toString(), "\"nhrp.op\"");
  }
}
