package dev.herald.messages.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** A user's own history, sent and received, and auditors reading anyone's. */
@MicroShedTest
class MessageHistoryIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String carol = Users.unique("carol");

  @BeforeEach
  void aliceBobAndCarolTalk() {
    send(alice, bob, "a1");
    send(bob, alice, "b1");
    send(carol, alice, "c1");
    send(alice, bob, "a2");
    send(carol, bob, "c2");
    await("all stored")
        .atMost(Duration.ofSeconds(20))
        .until(() -> bodies(Herald.as(alice).get("api/messages")).size() == 4);
  }

  @Test
  void listsSentAndReceivedNewestFirst() {
    assertThat(bodies(Herald.as(alice).get("api/messages")))
        .containsExactly("a2", "c1", "b1", "a1");
    assertThat(bodies(Herald.as(bob).get("api/messages"))).containsExactly("c2", "a2", "b1", "a1");
  }

  @Test
  void narrowsToOneCorrespondent() {
    assertThat(bodies(Herald.as(alice).get("api/messages?with=" + bob)))
        .containsExactly("a2", "b1", "a1");
  }

  @Test
  void pagesWithACursor() {
    Reply first = Herald.as(alice).get("api/messages?limit=3");
    assertThat(bodies(first)).containsExactly("a2", "c1", "b1");
    String cursor = first.json().getString("nextCursor");
    Reply second = Herald.as(alice).get("api/messages?limit=3&cursor=" + cursor);
    assertThat(bodies(second)).containsExactly("a1");
    assertThat(second.json().containsKey("nextCursor")).isFalse();
  }

  @Test
  void letsAuditorsReadAnotherUsersHistory() {
    Reply reply =
        Herald.withRoles(Users.unique("auditor"), "herald-auditor")
            .get("api/messages?user=" + carol);
    assertThat(bodies(reply)).containsExactly("c2", "c1");
  }

  @Test
  void refusesAnotherUsersHistoryWithoutTheAuditorRole() {
    Reply reply = Herald.as(bob).get("api/messages?user=" + alice);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:forbidden");
  }

  @Test
  void stillSendsAndReadsSingleMessagesOnTheSamePath() {
    Reply sent = send(alice, bob, "single");
    String id = sent.json().getString("id");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Herald.as(bob).get("api/messages/" + id).status() == 200);
    assertThat(Herald.as(bob).get("api/messages/" + id).json().getString("body"))
        .isEqualTo("single");
  }

  static Reply send(String from, String to, String body) {
    Reply sent = Herald.as(from).post("api/messages", Requests.send(List.of(to), body));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent;
  }

  static List<String> bodies(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("body"))
        .toList();
  }
}
