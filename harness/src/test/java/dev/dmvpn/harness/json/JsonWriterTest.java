package dev.dmvpn.harness.json;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class JsonWriterTest {

  @Test
  public void nestsAndSeparates() {
    StringBuilder sb = new StringBuilder();
    new JsonWriter(sb)
        .beginObject()
        .field("a", 1)
        .name("b").beginArray().value("x").nullValue().value(true).endArray()
        .name("c").beginObject().field("d", "e").endObject()
        .endObject();
    assertEquals(sb.toString(), "{\"a\":1,\"b\":[\"x\",null,true],\"c\":{\"d\":\"e\"}}");
  }

  /** RFC 8259 section 7: quote, backslash and control characters must be escaped. */
  @Test
  public void escapesStrings() {
    StringBuilder sb = new StringBuilder();
    new JsonWriter(sb).value("q\"b\\n\nc\u0001");
    assertEquals(sb.toString(), "\"q\\\"b\\\\n\\nc\\u0001\"");
  }
}
