package dev.herald.platform;

import static dev.herald.testing.Herald.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.DevClock;
import dev.herald.testing.Herald;
import dev.herald.testing.Herald.Client;
import dev.herald.testing.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** The development-only clock offset: the test build runs in development mode. */
@MicroShedTest
class DevClockIT {
  static Client keeper() {
    return Herald.as(DevClock.KEEPER);
  }

  static Reply put(Client client, String body) {
    return client.send("PUT", "api/dev/clock", "application/json", BodyPublishers.ofString(body));
  }

  @Test
  void shiftsTheServersClockUntilReset() {
    try {
      DevClock.shift(Duration.ofDays(2));
      Reply shifted = keeper().get("api/dev/clock");
      assertThat(shifted.json().getString("offset")).isEqualTo("PT48H");
      assertThat(Instant.parse(shifted.json().getString("now")))
          .isAfter(Instant.now().plus(Duration.ofDays(2)).minusSeconds(60));
    } finally {
      DevClock.reset();
    }
    assertThat(keeper().get("api/dev/clock").json().getString("offset")).isEqualTo("PT0S");
  }

  @Test
  void refusesAnOffsetThatIsNotADuration() {
    for (String body : new String[] {"{\"offset\":\"2h\"}", "{\"offset\":\"P4000D\"}", "{}"}) {
      Reply reply = put(keeper(), body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.body()).as(body).contains("\"offset\"");
    }
    assertThat(keeper().get("api/dev/clock").json().getString("offset")).isEqualTo("PT0S");
  }

  @Test
  void refusesCallersWithoutAToken() {
    Reply shift = put(anonymous(), "{\"offset\":\"PT2H\"}");
    Reply read = anonymous().get("api/dev/clock");

    assertThat(shift.status()).isEqualTo(401);
    assertThat(read.status()).isEqualTo(401);
    assertThat(keeper().get("api/dev/clock").json().getString("offset")).isEqualTo("PT0S");
  }
}
