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

class RateLimitIT {
  @Test
  void answersASenderAboveTheLimitWith429AndRetryAfterButNotOthers() throws Exception {
    String eager = Users.unique("eager");
    String bob = Users.unique("bob");
    Herald.Client client = as(eager);
    String request = Requests.send(List.of(bob), "again");
    // the burst is 100 and the rate 50/s: 400 sends at once cannot all fit
    List<Reply> replies = Concurrently.times(400, 16, () -> client.post("api/messages", request));

    List<Reply> limited = replies.stream().filter(r -> r.status() == 429).toList();
    assertThat(replies).extracting(Reply::status).containsOnly(202, 429);
    assertThat(limited).isNotEmpty();
    assertThat(limited.get(0).header("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    assertThat(limited.get(0).json().getString("type"))
        .isEqualTo("urn:herald:problem:rate-limited");
    assertThat(as(Users.unique("calm")).post("api/messages", request).status()).isEqualTo(202);
  }
}
