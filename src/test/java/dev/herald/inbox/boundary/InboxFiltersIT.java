package dev.herald.inbox.boundary;

import static dev.herald.inbox.boundary.InboxFixture.assertFieldError;
import static dev.herald.inbox.boundary.InboxFixture.bodies;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Users;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** The filters of GET /api/inbox, each alone and combined, and their refusals. */
@MicroShedTest
class InboxFiltersIT {
  final String alice = Users.unique("alice");
  final String carol = Users.unique("carol");
  final String bob = Users.unique("bob");
  final String room = Users.unique("room");
  String one;
  String two;
  String three;
  String four;

  @BeforeEach
  void fourMessagesFromTwoSendersInTwoConversations() {
    one = InboxFixture.send(alice, bob, "one", room);
    two = InboxFixture.send(carol, bob, "two", room);
    three = InboxFixture.send(alice, bob, "three");
    four = InboxFixture.send(carol, bob, "four");
  }

  static Instant createdAt(String id) {
    var row =
        LogDatabase.query("select created_at from messages where id = ?", UUID.fromString(id));
    return ((java.sql.Timestamp) row.get(0).get(0)).toInstant();
  }

  @Test
  void filtersByReadStateWithUnreadAsTheOlderSpelling() {
    as(bob).post("api/inbox/" + two + "/read");

    assertThat(bodies(bob, "?read=true")).containsExactly("two");
    assertThat(bodies(bob, "?read=false")).containsExactly("four", "three", "one");
    assertThat(bodies(bob, "?unread=true")).containsExactly("four", "three", "one");
    assertThat(bodies(bob, "?unread=false")).containsExactly("four", "three", "two", "one");
    assertFieldError(as(bob).get("api/inbox?unread=true&read=true"), "unread");
  }

  @Test
  void filtersBySeenState() {
    as(bob).post("api/inbox/" + three + "/seen");

    assertThat(bodies(bob, "?seen=true")).containsExactly("three");
    assertThat(bodies(bob, "?seen=false&limit=2")).containsExactly("four", "two");
    assertThat(bodies(bob, "?seen=false")).as("listing saw the others").containsExactly("one");
  }

  @Test
  void filtersByConversationAndSender() {
    assertThat(bodies(bob, "?conversationId=" + room)).containsExactly("two", "one");
    assertThat(bodies(bob, "?sender=" + alice)).containsExactly("three", "one");
    assertThat(bodies(bob, "?sender=" + carol + "&conversationId=" + room)).containsExactly("two");
    assertThat(bodies(bob, "?conversationId=nobody-" + room)).isEmpty();
  }

  @Test
  void filtersByCreationTime() {
    Instant second = createdAt(two);
    Instant third = createdAt(three);

    assertThat(bodies(bob, "?createdAfter=" + second)).containsExactly("four", "three");
    assertThat(bodies(bob, "?createdBefore=" + third)).containsExactly("two", "one");
    assertThat(bodies(bob, "?createdAfter=" + createdAt(one) + "&createdBefore=" + third))
        .containsExactly("two");
  }

  @Test
  void combinesArchivedWithOtherFilters() {
    as(bob).post("api/inbox/" + one + "/archive");
    as(bob).post("api/inbox/" + three + "/archive");

    assertThat(bodies(bob, "")).containsExactly("four", "two");
    assertThat(bodies(bob, "?archived=true")).containsExactly("three", "one");
    assertThat(bodies(bob, "?archived=true&conversationId=" + room)).containsExactly("one");
    assertThat(bodies(bob, "?archived=false&sender=" + carol)).containsExactly("four", "two");
  }

  @Test
  void refusesFiltersItCannotRead() {
    for (String[] bad :
        new String[][] {
          {"read", "yes"},
          {"seen", "1"},
          {"archived", "maybe"},
          {"snoozed", "no"},
          {"createdAfter", "yesterday"},
          {"createdBefore", "2026-13-01T00:00:00Z"},
          {"conversationId", "-leading-dash"},
          {"sender", "not%20a%20name"},
          {"limit", "0"},
          {"limit", "101"}
        }) {
      assertFieldError(as(bob).get("api/inbox?" + bad[0] + "=" + bad[1]), bad[0]);
    }
    assertThat(as(bob).get("api/inbox?cursor=forged").status()).isEqualTo(400);
  }
}
