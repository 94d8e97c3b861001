package dev.herald.inbox.boundary;

import static dev.herald.inbox.boundary.InboxFixture.assertFieldError;
import static dev.herald.inbox.boundary.InboxFixture.bodies;
import static dev.herald.inbox.boundary.InboxFixture.counts;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** read-all, seen-all and archive-read: what they change, what they answer, what they audit. */
@MicroShedTest
class InboxBulkIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String room = Users.unique("room");
  String one;
  String two;
  String three;

  @BeforeEach
  void threeMessagesTwoInARoom() {
    one = InboxFixture.send(alice, bob, "one", room);
    two = InboxFixture.send(alice, bob, "two", room);
    three = InboxFixture.send(alice, bob, "three");
  }

  static int updated(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getInt("updated");
  }

  List<List<Object>> bulkAudit() {
    return LogDatabase.query(
        "select action, conversation_id, details::text from audit_events where actor = ?"
            + " and action like 'inbox.%' order by id",
        bob);
  }

  @Test
  void readsAllOfOneConversation() {
    assertThat(updated(as(bob).post("api/inbox/read-all?conversationId=" + room))).isEqualTo(2);
    assertThat(updated(as(bob).post("api/inbox/read-all?conversationId=" + room))).isZero();

    assertThat(bodies(bob, "?read=false")).containsExactly("three");
    assertThat(counts(bob, "").getInt("unread")).isEqualTo(1);
    assertThat(counts(bob, "?conversationId=" + room).getInt("unread")).isZero();
    List<List<Object>> audit = bulkAudit();
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get(0)).isEqualTo("inbox.read-all");
    assertThat(audit.get(0).get(1)).isEqualTo(room);
    assertThat(audit.get(0).get(2).toString()).contains("\"updated\": 2").contains(room);
  }

  @Test
  void readsAllCreatedBeforeATime() {
    var created =
        LogDatabase.query("select created_at from messages where id = ?", UUID.fromString(three));
    String before = ((java.sql.Timestamp) created.get(0).get(0)).toInstant().toString();

    assertThat(updated(as(bob).post("api/inbox/read-all?before=" + before))).isEqualTo(2);

    assertThat(bodies(bob, "?read=false")).containsExactly("three");
    assertThat(bulkAudit().get(0).get(2).toString()).contains(before);
    assertThat(updated(as(bob).post("api/inbox/read-all"))).isEqualTo(1);
    assertThat(bodies(bob, "?read=false")).isEmpty();
    assertFieldError(as(bob).post("api/inbox/read-all?before=soon"), "before");
    assertFieldError(as(bob).post("api/inbox/read-all?conversationId=%20"), "conversationId");
  }

  @Test
  void marksAllSeen() {
    assertThat(counts(bob, "").getInt("unseen")).isEqualTo(3);

    assertThat(updated(as(bob).post("api/inbox/seen-all"))).isEqualTo(3);
    assertThat(updated(as(bob).post("api/inbox/seen-all"))).isZero();

    assertThat(counts(bob, "").getInt("unseen")).isZero();
    assertThat(bodies(bob, "?seen=false")).isEmpty();
    assertThat(bulkAudit()).hasSize(1);
    assertThat(bulkAudit().get(0).get(0)).isEqualTo("inbox.seen-all");
  }

  @Test
  void archivesWhatWasRead() {
    as(bob).post("api/inbox/" + one + "/read");
    as(bob).post("api/inbox/" + three + "/read");

    assertThat(updated(as(bob).post("api/inbox/archive-read"))).isEqualTo(2);
    assertThat(updated(as(bob).post("api/inbox/archive-read"))).isZero();

    assertThat(bodies(bob, "")).containsExactly("two");
    assertThat(bodies(bob, "?archived=true")).containsExactly("three", "one");
    assertThat(counts(bob, "").getInt("total")).isEqualTo(1);
    assertThat(bulkAudit()).extracting(a -> a.get(0)).containsExactly("inbox.archive-read");
  }

  @Test
  void leavesOtherUsersAndDeletedDeliveriesAlone() {
    String carol = Users.unique("carol");
    String hers = InboxFixture.send(alice, carol, "for carol");
    as(bob).post("api/inbox/" + two + "/delete");

    assertThat(updated(as(bob).post("api/inbox/read-all"))).isEqualTo(2);

    assertThat(counts(carol, "").getInt("unread")).isEqualTo(1);
    assertThat(
            LogDatabase.count(
                "select count(*) from deliveries where message_id = ? and read_at is null",
                UUID.fromString(two)))
        .isEqualTo(1);
    assertThat(as(carol).post("api/inbox/" + hers + "/read").status()).isEqualTo(204);
  }
}
