package dev.herald.sending.boundary;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Concurrently;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyIT {
  static final String KEY = "Idempotency-Key";

  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");

  static long storedBodies(String sender, String body) {
    return LogDatabase.count(
        "select count(*) from messages where sender = ? and body = ?", sender, body);
  }

  void awaitStored(String sender, String body) {
    await().atMost(Duration.ofSeconds(20)).until(() -> storedBodies(sender, body) > 0);
  }

  @Test
  void answersARetryWithTheSameKeyWithTheFirstAnswerAndStoresOnce() {
    String key = UUID.randomUUID().toString();
    String request = Requests.send(List.of(bob), "once only");

    Reply first = as(alice).post("api/messages", request, KEY, key);
    Reply retry = as(alice).post("api/messages", request, KEY, key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    awaitStored(alice, "once only");
    // a second message would have been published right after the first: give it the same time
    Reply third = as(alice).post("api/messages", request, KEY, key);
    assertThat(third.body()).isEqualTo(first.body());
    await().during(Duration.ofSeconds(2)).until(() -> storedBodies(alice, "once only") == 1);
  }

  @Test
  void refusesTheSameKeyWithAnotherBodyWith422() {
    String key = UUID.randomUUID().toString();
    as(alice).post("api/messages", Requests.send(List.of(bob), "first"), KEY, key);

    Reply other = as(alice).post("api/messages", Requests.send(List.of(bob), "second"), KEY, key);

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(other.json().getString("type"))
        .isEqualTo("urn:herald:problem:idempotency-key-reused");
  }

  @Test
  void keepsKeysOfDifferentSendersApart() {
    String key = "shared-" + UUID.randomUUID();
    String carol = Users.unique("carol");
    String request = Requests.send(List.of(bob), "same key, two senders");

    Reply fromAlice = as(alice).post("api/messages", request, KEY, key);
    Reply fromCarol = as(carol).post("api/messages", request, KEY, key);

    assertThat(fromAlice.status()).isEqualTo(202);
    assertThat(fromCarol.status()).isEqualTo(202);
    assertThat(fromCarol.json().getString("id")).isNotEqualTo(fromAlice.json().getString("id"));
    awaitStored(alice, "same key, two senders");
    awaitStored(carol, "same key, two senders");
  }

  @Test
  void storesOneMessageForConcurrentRequestsWithOneKey() throws Exception {
    String key = UUID.randomUUID().toString();
    String request = Requests.send(List.of(bob), "raced");
    List<Reply> replies =
        Concurrently.times(8, 8, () -> as(alice).post("api/messages", request, KEY, key));

    assertThat(replies).extracting(Reply::status).allMatch(s -> s == 202 || s == 409);
    assertThat(replies.stream().filter(r -> r.status() == 202).map(Reply::body).distinct())
        .hasSize(1);
    replies.stream()
        .filter(r -> r.status() == 409)
        .forEach(r -> assertThat(r.header("Retry-After")).isPresent());
    awaitStored(alice, "raced");
    await().during(Duration.ofSeconds(2)).until(() -> storedBodies(alice, "raced") == 1);
  }

  @Test
  void refusesAnInvalidKeyWith400() {
    Reply tooLong =
        as(alice).post("api/messages", Requests.send(List.of(bob), "x"), KEY, "k".repeat(201));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo(KEY);
  }
}
