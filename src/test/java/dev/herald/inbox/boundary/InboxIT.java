package dev.herald.inbox.boundary;

import static dev.herald.inbox.boundary.InboxFixture.assertFieldError;
import static dev.herald.inbox.boundary.InboxFixture.audit;
import static dev.herald.inbox.boundary.InboxFixture.counts;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
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
        .containsExactly(
            List.of("delivery.seen", bob),
            List.of("delivery.read", bob),
            List.of("delivery.unread", bob));
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

  @Test
  void listingMarksItemsSeenOnceAndShowsWhen() {
    String carol = Users.unique("carol");
    String id = InboxFixture.send(alice, carol, "to be seen");
    assertThat(counts(carol, "").getInt("unseen")).isEqualTo(1);

    JsonObject item = items(as(carol).get("api/inbox")).get(0);
    assertThat(item.getString("seenAt")).isNotBlank();
    assertThat(item.containsKey("readAt")).as("null fields are left out").isFalse();
    assertThat(item.containsKey("archivedAt")).as("null fields are left out").isFalse();
    assertThat(item.containsKey("snoozedUntil")).as("null fields are left out").isFalse();
    as(carol).get("api/inbox");
    assertThat(as(carol).post("api/inbox/" + id + "/seen").status()).isEqualTo(204);

    assertThat(counts(carol, "").getInt("unseen")).isZero();
    assertThat(audit(id)).containsExactly(List.of("delivery.seen", carol));
  }

  @Test
  void marksSeenExplicitlyWithoutListing() {
    String carol = Users.unique("carol");
    String id = InboxFixture.send(alice, carol, "seen by id");

    assertThat(as(carol).post("api/inbox/" + id + "/seen").status()).isEqualTo(204);
    assertThat(as(carol).post("api/inbox/" + id + "/seen").status()).isEqualTo(204);

    assertThat(counts(carol, "").getInt("unseen")).isZero();
    assertThat(counts(carol, "").getInt("unread")).isEqualTo(1);
    assertThat(audit(id)).containsExactly(List.of("delivery.seen", carol));
  }

  @Test
  void archivesAndUnarchives() {
    String id = sent.get(1);

    assertThat(as(bob).post("api/inbox/" + id + "/archive").status()).isEqualTo(204);
    assertThat(as(bob).post("api/inbox/" + id + "/archive").status()).isEqualTo(204);
    assertThat(bodies(as(bob).get("api/inbox"))).containsExactly("third", "first");
    JsonObject archived = items(as(bob).get("api/inbox?archived=true")).get(0);
    assertThat(archived.getString("body")).isEqualTo("second");
    assertThat(archived.getString("archivedAt")).isNotBlank();
    assertThat(counts(bob, "").getInt("total")).isEqualTo(2);

    assertThat(as(bob).post("api/inbox/" + id + "/unarchive").status()).isEqualTo(204);
    assertThat(as(bob).post("api/inbox/" + id + "/unarchive").status()).isEqualTo(204);
    assertThat(bodies(as(bob).get("api/inbox"))).containsExactly("third", "second", "first");
    assertThat(items(as(bob).get("api/inbox?archived=true"))).isEmpty();
    assertThat(counts(bob, "").getInt("total")).isEqualTo(3);
    assertThat(audit(id))
        .containsExactly(
            List.of("delivery.seen", bob),
            List.of("delivery.archived", bob),
            List.of("delivery.unarchived", bob));
  }

  @Test
  void deletesForTheRecipientOnlyAndForGood() {
    String id = sent.get(0);
    as(bob).post("api/inbox/" + id + "/archive");

    assertThat(as(bob).post("api/inbox/" + id + "/delete").status()).isEqualTo(204);

    assertThat(bodies(as(bob).get("api/inbox"))).containsExactly("third", "second");
    assertThat(items(as(bob).get("api/inbox?archived=true"))).isEmpty();
    assertThat(items(as(bob).get("api/inbox?snoozed=true"))).isEmpty();
    assertThat(as(bob).get("api/messages/" + id).status()).isEqualTo(404);
    assertThat(as(alice).get("api/messages/" + id).status())
        .as("the sender still has it")
        .isEqualTo(200);
    assertThat(counts(bob, "").getInt("total")).isEqualTo(2);
    for (String action : List.of("read", "unread", "seen", "archive", "unarchive", "unsnooze")) {
      assertThat(as(bob).post("api/inbox/" + id + "/" + action).status())
          .as(action + " after delete")
          .isEqualTo(404);
    }
    Reply snooze =
        as(bob)
            .post(
                "api/inbox/" + id + "/snooze",
                "{\"until\":\"" + Instant.now().plusSeconds(3600) + "\"}");
    assertThat(snooze.status()).isEqualTo(404);
    assertThat(as(bob).post("api/inbox/" + id + "/delete").status()).isEqualTo(404);
    assertThat(LogDatabase.count("select count(*) from messages where id = ?", UUID.fromString(id)))
        .as("the log keeps the message")
        .isEqualTo(1);
    assertThat(audit(id)).endsWith(List.of("delivery.deleted", bob));
    assertThat(audit(id)).filteredOn(a -> a.get(0).equals("delivery.deleted")).hasSize(1);
  }

  @Test
  void answersNotFoundForEveryActionOnAMessageNotDeliveredToTheCaller() {
    String id = sent.get(0);
    for (String action :
        List.of("read", "unread", "seen", "archive", "unarchive", "unsnooze", "delete")) {
      Reply reply = as(eve).post("api/inbox/" + id + "/" + action);
      assertThat(reply.status()).as(action).isEqualTo(404);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
    Reply snooze =
        as(eve)
            .post(
                "api/inbox/" + id + "/snooze",
                "{\"until\":\"" + Instant.now().plusSeconds(3600) + "\"}");
    assertThat(snooze.status()).isEqualTo(404);
    assertThat(audit(id)).containsOnly(List.of("delivery.seen", bob));
  }

  @Test
  void refusesASnoozeThatIsNotAFutureInstantWithinAYear() {
    String path = "api/inbox/" + sent.get(0) + "/snooze";
    for (String until :
        List.of(
            Instant.now().minusSeconds(60).toString(),
            Instant.now().plus(Duration.ofDays(366)).toString(),
            "tomorrow",
            "2030-01-01")) {
      assertFieldError(as(bob).post(path, "{\"until\":\"" + until + "\"}"), "until");
    }
    assertFieldError(as(bob).post(path, "{}"), "until");
    assertThat(as(bob).post(path, "{\"until\":\"x\",\"extra\":1}").status()).isEqualTo(400);
    assertThat(items(as(bob).get("api/inbox"))).hasSize(3);
  }
}
