package dev.herald.inbox.boundary;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class InboxIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String eve = Users.unique("eve");
  final List<String> sent = new ArrayList<>();

  @BeforeEach
  void threeMessagesFromAliceToBob() {
    for (String body : List.of("first", "second", "third")) {
      sent.add(
          as(alice).post("api/messages", Requests.send(List.of(bob), body)).json().getString("id"));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> items(as(bob).get("api/inbox")).size() == 3);
  }

  static List<JsonObject> items(Reply reply) {
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  static List<String> bodies(Reply reply) {
    return items(reply).stream().map(i -> i.getString("body")).toList();
  }

  @Test
  void listsNewestFirstAndPagesWithAnOpaqueCursor() {
    Reply first = as(bob).get("api/inbox?limit=2");
    assertThat(bodies(first)).containsExactly("third", "second");
    String cursor = first.json().getString("nextCursor");

    Reply second = as(bob).get("api/inbox?limit=2&cursor=" + cursor);
    assertThat(bodies(second)).containsExactly("first");
    assertThat(second.json().containsKey("nextCursor")).isFalse();
  }

  @Test
  void marksReadAndUnreadAndFiltersUnread() {
    String secondId = sent.get(1);

    assertThat(as(bob).post("api/inbox/" + secondId + "/read").status()).isEqualTo(204);
    assertThat(bodies(as(bob).get("api/inbox?unread=true"))).containsExactly("third", "first");
    JsonObject read = items(as(bob).get("api/inbox")).get(1);
    assertThat(read.getString("readAt")).isNotBlank();

    assertThat(as(bob).post("api/inbox/" + secondId + "/unread").status()).isEqualTo(204);
    assertThat(bodies(as(bob).get("api/inbox?unread=true")))
        .containsExactly("third", "second", "first");
  }

  @Test
  void auditsEachChangeOfReadStateOnce() {
    String id = sent.get(0);
    as(bob).post("api/inbox/" + id + "/read");
    as(bob).post("api/inbox/" + id + "/read");
    as(bob).post("api/inbox/" + id + "/unread");

    List<List<Object>> audit =
        LogDatabase.query(
            "select action, actor from audit_events where message_id = ? and action like 'delivery.%' order by id",
            UUID.fromString(id));
    assertThat(audit)
        .containsExactly(List.of("delivery.read", bob), List.of("delivery.unread", bob));
    assertThat(
            LogDatabase.count(
                "select count(*) from audit_events where message_id = ? and action = 'message.stored'",
                UUID.fromString(id)))
        .isEqualTo(1);
  }

  @Test
  void answersNotFoundForAMessageThatWasNotDeliveredToTheCaller() {
    String id = sent.get(0);
    for (String path : List.of("api/inbox/" + id + "/read", "api/inbox/" + id + "/unread")) {
      Reply reply = as(eve).post(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
    assertThat(as(alice).post("api/inbox/" + id + "/read").status())
        .as("the sender is not a recipient")
        .isEqualTo(404);
    assertThat(as(bob).post("api/inbox/not-a-uuid/read").status()).isEqualTo(404);
    assertThat(items(as(eve).get("api/inbox"))).isEmpty();
  }
}
