package dev.herald.messages.boundary;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class SendAndReceiveIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String carol = Users.unique("carol");
  final String dave = Users.unique("dave");

  /** Sends and returns one field of the 202 answer. */
  static String send(String from, List<String> to, String body, String field) {
    return as(from).post("api/messages", Requests.send(to, body)).json().getString(field);
  }

  static void awaitStored(String id, String recipient) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> as(recipient).get("api/messages/" + id).status() == 200);
  }

  static List<String> inboxBodies(String user) {
    return as(user)
        .get("api/inbox")
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(item -> item.getString("body"))
        .toList();
  }

  @Test
  void acceptsASendOnlyAfterTheBrokerHasItAndSaysWhereTheMessageWillBe() {
    Reply sent = as(alice).post("api/messages", Requests.send(List.of(bob), "hello"));

    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    String id = sent.json().getString("id");
    assertThat(sent.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/messages/" + id));
    assertThat(sent.json().getString("conversationId")).startsWith("dm-");
    assertThat(sent.json().getString("acceptedAt")).isNotBlank();
  }

  @Test
  void deliversToEachRecipientsInboxAndNobodyElses() {
    as(alice).post("api/messages", Requests.send(List.of(bob, carol), "to bob and carol"));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(inboxBodies(bob)).containsExactly("to bob and carol");
              assertThat(inboxBodies(carol)).containsExactly("to bob and carol");
            });
    assertThat(inboxBodies(dave)).isEmpty();
    assertThat(inboxBodies(alice)).as("the sender's own inbox").isEmpty();
  }

  @Test
  void keepsKoreanTextAndEmojiUnchanged() {
    String text = "안녕하세요, 밥! 오늘 회의는 3시에 시작합니다 👋🏽🎉\n둘째 줄 — ✓";
    String subject = "회의 안내 📅";
    String body = Requests.message(List.of(bob), text).add("subject", subject).build().toString();
    String id = as(alice).post("api/messages", body).json().getString("id");
    awaitStored(id, bob);
    JsonObject stored = as(bob).get("api/messages/" + id).json();
    assertThat(stored.getString("body")).isEqualTo(text);
    assertThat(stored.getString("subject")).isEqualTo(subject);
    assertThat(inboxBodies(bob)).containsExactly(text);
  }

  @Test
  void showsAMessageToItsSenderAndRecipientsOnly() {
    String id = send(alice, List.of(bob), "private", "id");
    awaitStored(id, bob);

    JsonObject seenBySender = as(alice).get("api/messages/" + id).json();
    assertThat(seenBySender.getString("sender")).isEqualTo(alice);
    assertThat(seenBySender.getJsonArray("to").getValuesAs(JsonValue::toString))
        .containsExactly("\"" + bob + "\"");

    Reply seenByOther = as(dave).get("api/messages/" + id);
    assertThat(seenByOther.status()).isEqualTo(404);
    assertThat(seenByOther.contentType()).startsWith("application/problem+json");
  }

  @Test
  void refusesABodyThatNamesASender() {
    String forged =
        Requests.message(List.of(bob), "who sent this?").add("sender", carol).build().toString();
    Reply refused = as(alice).post("api/messages", forged);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("sender");
  }

  @Test
  void putsBothDirectionsOfAConversationTogether() {
    String there = send(alice, List.of(bob), "ping", "conversationId");
    String back = send(bob, List.of(alice), "pong", "conversationId");

    assertThat(back).isEqualTo(there);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonObject history = as(alice).get("api/conversations/" + there + "/messages").json();
              assertThat(history.getJsonArray("items").getValuesAs(JsonObject.class))
                  .extracting(m -> m.getString("body"))
                  .containsExactly("ping", "pong");
            });
  }
}
