package dev.herald.inbox.boundary;

import static dev.herald.inbox.boundary.InboxFixture.assertFieldError;
import static dev.herald.inbox.boundary.InboxFixture.counts;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * GET /api/inbox/counts: unread, unseen and total over deliveries that are neither deleted,
 * archived nor currently snoozed, for the whole inbox or one conversation.
 */
@MicroShedTest
class InboxCountsIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String room = Users.unique("room");
  String a1;
  String a2;
  String b1;

  @BeforeEach
  void twoInARoomAndOneDirect() {
    a1 = InboxFixture.send(alice, bob, "a1", room);
    a2 = InboxFixture.send(alice, bob, "a2", room);
    b1 = InboxFixture.send(alice, bob, "b1");
  }

  static void assertCounts(JsonObject counts, int unread, int unseen, int total) {
    assertThat(counts.getInt("unread")).as("unread in %s", counts).isEqualTo(unread);
    assertThat(counts.getInt("unseen")).as("unseen in %s", counts).isEqualTo(unseen);
    assertThat(counts.getInt("total")).as("total in %s", counts).isEqualTo(total);
  }

  @Test
  void countsEverythingNewAndPerConversation() {
    assertCounts(counts(bob, ""), 3, 3, 3);
    assertCounts(counts(bob, "?conversationId=" + room), 2, 2, 2);
    assertCounts(counts(Users.unique("nobody"), ""), 0, 0, 0);
  }

  @Test
  void followsReadSeenAndUnread() {
    as(bob).post("api/inbox/" + a1 + "/read");
    as(bob).post("api/inbox/" + b1 + "/seen");
    assertCounts(counts(bob, ""), 2, 2, 3);

    as(bob).get("api/inbox?conversationId=" + room);
    assertCounts(counts(bob, ""), 2, 0, 3);
    assertCounts(counts(bob, "?conversationId=" + room), 1, 0, 2);

    as(bob).post("api/inbox/" + a1 + "/unread");
    assertCounts(counts(bob, ""), 3, 0, 3);
  }

  @Test
  void leavesOutArchivedDeletedAndSnoozedDeliveries() {
    as(bob).post("api/inbox/" + a1 + "/archive");
    as(bob).post("api/inbox/" + a2 + "/delete");
    as(bob)
        .post(
            "api/inbox/" + b1 + "/snooze",
            "{\"until\":\"" + Instant.now().plus(Duration.ofHours(3)) + "\"}");

    assertCounts(counts(bob, ""), 0, 0, 0);

    as(bob).post("api/inbox/" + a1 + "/unarchive");
    as(bob).post("api/inbox/" + b1 + "/unsnooze");
    assertCounts(counts(bob, ""), 2, 2, 2);
    assertCounts(counts(bob, "?conversationId=" + room), 1, 1, 1);
  }

  @Test
  void refusesAConversationIdThatCannotBeOne() {
    assertFieldError(as(bob).get("api/inbox/counts?conversationId=%2Fetc"), "conversationId");
  }
}
