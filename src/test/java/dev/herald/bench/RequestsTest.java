package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestsTest {
  private final Audience audience = Audience.of("b-", 3, 2, 10);

  @Test
  void sendsOneInTenToTheProbeRecipientsInTurnAndTheRestToTheOthers() {
    assertThat(audience.recipient(0)).isEqualTo("b-probe-0");
    assertThat(audience.recipient(10)).isEqualTo("b-probe-1");
    assertThat(audience.recipient(20)).isEqualTo("b-probe-0");
    assertThat(audience.recipient(4)).isEqualTo("b-rcpt-1");
    assertThat(audience.probed(30)).isTrue();
    assertThat(audience.probed(31)).isFalse();
  }

  @Test
  void buildsWholeRequestsOnceAndReplaysThem() {
    Requests requests =
        Requests.sends(
            URI.create("http://localhost:9090/"),
            "/api/messages",
            List.of("tokenA", "tokenB"),
            audience,
            20);

    String first = new String(requests.bytes(0), StandardCharsets.UTF_8);
    String body = first.substring(first.indexOf("\r\n\r\n") + 4);

    assertThat(first)
        .startsWith("POST /api/messages HTTP/1.1\r\nHost: localhost:9090\r\n")
        .contains("Authorization: Bearer tokenA\r\n")
        .contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
    assertThat(body).startsWith("{\"to\":[\"b-probe-0\"],\"body\":\"benchmark message");
    assertThat(requests.bytes(21)).isSameAs(requests.bytes(1));
    assertThat(requests.probed(20)).isTrue();
  }
}
