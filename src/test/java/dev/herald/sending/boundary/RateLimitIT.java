package dev.herald.sending.boundary;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Concurrently;
import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-sender limit as a client meets it. How many sends fit depends on how fast they arrive:
 * the bucket holds 100 and refills 50 a second, so of sends made within {@code t} seconds at most
 * 100 + 50·t (plus one for the edges) can be accepted, and any beyond that must be refused with
 * 429. The test asserts exactly that, whatever the machine's speed.
 */
class RateLimitIT {
  static final int BURST = 100;
  static final double PER_SECOND = 50;
  static final int SENDS = 400;

  @Test
  void acceptsNoMoreThanTheBurstAndTheRateAndAnswersTheRest429WithRetryAfter() throws Exception {
    String eager = Users.unique("eager");
    String bob = Users.unique("bob");
    Herald.Client client = as(eager);
    String request = Requests.send(List.of(bob), "again");

    long start = System.nanoTime();
    List<Reply> replies = Concurrently.times(SENDS, 16, () -> client.post("api/messages", request));
    double seconds = (System.nanoTime() - start) / 1e9;

    long accepted = replies.stream().filter(r -> r.status() == 202).count();
    List<Reply> limited = replies.stream().filter(r -> r.status() == 429).toList();
    double allowed = BURST + PER_SECOND * seconds + 1;
    assertThat(replies).extracting(Reply::status).allMatch(s -> s == 202 || s == 429);
    assertThat((double) accepted).as("accepted in %.1f s", seconds).isLessThanOrEqualTo(allowed);
    if (SENDS > allowed) {
      assertThat(limited.get(0).header("Retry-After"))
          .hasValueSatisfying(after -> assertThat(Integer.parseInt(after)).isPositive());
      assertThat(limited.get(0).json().getString("type"))
          .isEqualTo("urn:herald:problem:rate-limited");
    }
    assertThat(as(Users.unique("calm")).post("api/messages", request).status()).isEqualTo(202);
  }

  /**
   * Recipients count too: the sender's recipient bucket holds 1000 and refills 500 a second, so of
   * sends to 100 recipients each made within {@code t} seconds at most (1000 + 500·t) / 100 + 1 can
   * be accepted; the sends stay far below the request burst, so any 429 is the recipients'.
   */
  @Test
  void countsEveryRecipientOfASendAgainstTheSendersLimit() throws Exception {
    String crowd = Users.unique("crowd");
    List<String> hundred =
        java.util.stream.IntStream.range(0, 100).mapToObj(i -> crowd + "-" + i).toList();
    Herald.Client client = as(Users.unique("broadcaster"));
    String request = Requests.send(hundred, "to everyone");
    int sends = 40;

    long start = System.nanoTime();
    List<Reply> replies = Concurrently.times(sends, 8, () -> client.post("api/messages", request));
    double seconds = (System.nanoTime() - start) / 1e9;

    long accepted = replies.stream().filter(r -> r.status() == 202).count();
    double allowed = (1000 + 500 * seconds) / 100 + 1;
    assertThat(replies).extracting(Reply::status).allMatch(s -> s == 202 || s == 429);
    assertThat((double) accepted).as("accepted in %.1f s", seconds).isLessThanOrEqualTo(allowed);
    if (sends > allowed) {
      Reply limited = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
      assertThat(limited.json().getString("detail")).contains("recipients per second");
      assertThat(limited.header("Retry-After")).isPresent();
    }
  }
}
