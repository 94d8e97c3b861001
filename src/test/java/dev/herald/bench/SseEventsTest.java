package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventsTest {
  private static final String STREAM =
      "retry: 3000\n\n"
          + ": ping\n\n"
          + "id: 41\nevent: message\ndata: {\"messageId\":\"m1\"}\n\n"
          + "id: 42\r\nevent: counts\r\ndata:{\"unread\":3}\r\n\r\n"
          + "data: a\ndata: b\n\n";

  private final List<String> events = new ArrayList<>();
  private final SseEvents sse =
      new SseEvents(
          (name, id, data) ->
              events.add(name + "#" + id + "#" + new String(data, StandardCharsets.UTF_8)));

  @Test
  void dispatchesEachEventAtItsBlankLineWithNameIdAndData() {
    feedInPieces(STREAM, 1);

    assertThat(events)
        .containsExactly(
            "message#41#{\"messageId\":\"m1\"}", "counts#42#{\"unread\":3}", "message#null#a\nb");
    assertThat(sse.lastId()).isEqualTo("42");
  }

  @Test
  void readsTheSameEventsWhateverTheSplitOfTheChunkedBody() {
    String chunked = chunk(STREAM.substring(0, 30)) + chunk(STREAM.substring(30)) + "0\r\n\r\n";
    for (int piece = 1; piece <= 7; piece++) {
      events.clear();
      ChunkedBody body = new ChunkedBody(true, sse);
      byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
      for (int at = 0; at < bytes.length; at += piece) {
        body.feed(bytes, at, Math.min(bytes.length, at + piece));
      }
      assertThat(events).as("pieces of %d bytes", piece).hasSize(3);
      assertThat(body.ended()).isTrue();
    }
  }

  private void feedInPieces(String text, int piece) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int at = 0; at < bytes.length; at += piece) {
      sse.take(bytes, at, Math.min(bytes.length, at + piece));
    }
  }

  private static String chunk(String text) {
    return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + text
        + "\r\n";
  }
}
