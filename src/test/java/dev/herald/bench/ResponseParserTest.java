package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
  private static final String FIXED =
      "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
          + "{\"id\":\"x\"}\n";
  private static final String CHUNKED =
      "HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: chunked\r\nConnection: Close\r\n\r\n"
          + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";

  private static ResponseParser.Parsed parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return ResponseParser.parse(bytes, 0, bytes.length);
  }

  @Test
  void readsStatusAndABodyOfContentLength() {
    ResponseParser.Parsed parsed = parse(FIXED);

    assertThat(parsed.status()).isEqualTo(202);
    assertThat(new String(parsed.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"x\"}\n");
    assertThat(parsed.closes()).isFalse();
    assertThat(parsed.consumed()).isEqualTo(FIXED.length());
  }

  @Test
  void joinsChunksWhateverTheHeaderCaseAndSeesTheClose() {
    ResponseParser.Parsed parsed = parse(CHUNKED);

    assertThat(parsed.status()).isEqualTo(200);
    assertThat(new String(parsed.body(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
    assertThat(parsed.closes()).isTrue();
    assertThat(parsed.consumed()).isEqualTo(CHUNKED.length());
  }

  @Test
  void answersNullUntilTheWholeResponseIsThere() {
    for (String whole : new String[] {FIXED, CHUNKED}) {
      for (int cut = 0; cut < whole.length(); cut++) {
        assertThat(parse(whole.substring(0, cut))).as("first %d bytes", cut).isNull();
      }
    }
  }

  @Test
  void leavesTheBytesOfTheNextResponseAndReadsFromAnOffset() {
    byte[] two = ("xx" + FIXED + CHUNKED).getBytes(StandardCharsets.US_ASCII);

    ResponseParser.Parsed first = ResponseParser.parse(two, 2, two.length);
    ResponseParser.Parsed second = ResponseParser.parse(two, 2 + first.consumed(), two.length);

    assertThat(first.consumed()).isEqualTo(FIXED.length());
    assertThat(second.status()).isEqualTo(200);
    assertThat(2 + first.consumed() + second.consumed()).isEqualTo(two.length);
  }

  @Test
  void readsAResponseWithoutBody() {
    assertThat(parse("HTTP/1.1 204 No Content\r\n\r\n").body()).isEmpty();
  }
}
