package dev.herald.sending.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Concurrently;
import dev.herald.testing.ExtraServer;
import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-sender limits as a client meets them, on a second instance whose buckets keep their
 * bursts (100 sends, 1000 recipients) but refill one token in about three hours. So exactly the
 * burst is accepted however slowly the machine sends, and the next send is refused: nothing here
 * depends on timing. The refill arithmetic is SendRateLimitTest's (with its own clock). The second
 * instance consumes an idle topic, so the first one stores every message, as in TwoInstancesIT.
 */
class RateLimitIT {
  static final int BURST = 100;
  static final int RECIPIENTS_BURST = 1000;
  static ExtraServer limited;

  @BeforeAll
  static void startAnInstanceThatBarelyRefills() throws Exception {
    Herald.awaitReady();
    limited =
        ExtraServer.start(
            2,
            Map.of(
                "HERALD_MESSAGES_RATE_LIMIT_PER_SECOND", "0.0001",
                "HERALD_MESSAGES_RATE_LIMIT_RECIPIENTS_PER_SECOND", "0.0001",
                "MP_MESSAGING_INCOMING_MESSAGES_IN_TOPIC", "herald.it.second-instance-idle"));
  }

  @AfterAll
  static void stopIt() throws Exception {
    if (limited != null) {
      limited.close();
    }
  }

  static Herald.Client as(String user) {
    return Herald.as(user).at(limited.base());
  }

  @Test
  void acceptsExactlyTheBurstOfSendsAndAnswersTheRest429WithRetryAfter() throws Exception {
    Herald.Client client = as(Users.unique("eager"));
    String request = Requests.send(List.of(Users.unique("bob")), "again");

    List<Reply> replies =
        Concurrently.times(BURST + 20, 8, () -> client.post("api/messages", request));

    assertThat(replies).extracting(Reply::status).allMatch(s -> s == 202 || s == 429);
    assertThat(replies).filteredOn(r -> r.status() == 202).hasSize(BURST);
    assertThat(replies)
        .filteredOn(r -> r.status() == 429)
        .hasSize(20)
        .allSatisfy(
            refused -> {
              assertThat(refused.contentType()).startsWith("application/problem+json");
              assertThat(refused.json().getString("type"))
                  .isEqualTo("urn:herald:problem:rate-limited");
              assertThat(refused.json().getString("detail")).contains("sends per second");
              assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isPositive();
            });
    // each sender has buckets of their own
    assertThat(as(Users.unique("calm")).post("api/messages", request).status()).isEqualTo(202);
  }

  @Test
  void countsEveryRecipientOfASendAgainstTheSendersLimit() {
    String crowd = Users.unique("crowd");
    List<String> hundred = IntStream.range(0, 100).mapToObj(i -> crowd + "-" + i).toList();
    Herald.Client client = as(Users.unique("broadcaster"));
    String request = Requests.send(hundred, "to everyone");

    // ten sends of 100 recipients are the recipients' burst, far below the sends' burst
    for (int i = 0; i < RECIPIENTS_BURST / hundred.size(); i++) {
      Reply accepted = client.post("api/messages", request);
      assertThat(accepted.status()).as("send %d: %s", i + 1, accepted).isEqualTo(202);
    }
    Reply refused = client.post("api/messages", request);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
    assertThat(refused.json().getString("type")).isEqualTo("urn:herald:problem:rate-limited");
    assertThat(refused.json().getString("detail")).contains("recipients per second");
    assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isPositive();
    // the bucket is empty, not merely short of 100: even one recipient is refused
    assertThat(client.post("api/messages", Requests.send(List.of(crowd), "one")).status())
        .isEqualTo(429);
  }
}
