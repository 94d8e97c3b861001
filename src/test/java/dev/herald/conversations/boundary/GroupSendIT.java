package dev.herald.conversations.boundary;

import static dev.herald.conversations.boundary.GroupCalls.awaitVisible;
import static dev.herald.conversations.boundary.GroupCalls.group;
import static dev.herald.conversations.boundary.GroupCalls.items;
import static dev.herald.conversations.boundary.GroupCalls.remove;
import static dev.herald.conversations.boundary.GroupCalls.sendToGroup;
import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class GroupSendIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String carol = Users.unique("carol");
  final String eve = Users.unique("eve");

  static List<Object> recipients(String messageId) {
    return LogDatabase.query(
            "select recipient from deliveries where message_id = ? order by recipient",
            UUID.fromString(messageId))
        .stream()
        .map(row -> row.get(0))
        .toList();
  }

  static void assertProblem(Reply reply, int status, String type, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:" + type);
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo(field);
  }

  @Test
  void deliversToEveryMemberButTheSender() {
    String group = group(alice, "team", List.of(bob, carol));

    Reply sent = sendToGroup(alice, group, "hello team");

    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    assertThat(sent.json().getString("conversationId")).isEqualTo(group);
    String id = sent.json().getString("id");
    awaitVisible(carol, id);
    awaitVisible(bob, id);
    assertThat(recipients(id)).containsExactlyInAnyOrder(bob, carol);
    assertThat(items(as(bob).get("api/inbox")))
        .extracting(i -> i.getString("conversationId"))
        .containsExactly(group);
    assertThat(items(as(carol).get("api/conversations/" + group + "/messages")))
        .extracting(i -> i.getString("body"))
        .containsExactly("hello team");
  }

  @Test
  void deliversToTheMembersAtSendTime() {
    String group = group(alice, "changing", List.of(bob, carol));
    assertThat(remove(alice, group, carol).status()).isEqualTo(204);

    String id = sendToGroup(bob, group, "after carol left").json().getString("id");

    awaitVisible(alice, id);
    assertThat(recipients(id)).containsExactly(alice);
    assertThat(as(carol).get("api/messages/" + id).status()).isEqualTo(404);
  }

  @Test
  void refusesASendFromSomeoneWhoIsNoMemberAndPublishesNothing() {
    String group = group(alice, "private", List.of(bob));

    Reply refused = sendToGroup(eve, group, "let me in");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
    String later = sendToGroup(alice, group, "members only").json().getString("id");
    awaitVisible(bob, later);
    assertThat(LogDatabase.count("select count(*) from messages where sender = ?", eve)).isZero();
  }

  @Test
  void refusesRecipientsNamedAlongsideAGroup() {
    String group = group(alice, "no to", List.of(bob));
    String json =
        Requests.message(List.of(eve), "sneaky").add("conversationId", group).build().toString();

    assertProblem(as(alice).post("api/messages", json), 422, "conversation-rule", "to");
  }

  @Test
  void refusesASendToAGroupWithoutAnotherMember() {
    String group = group(alice, "alone", List.of());

    assertProblem(sendToGroup(alice, group, "echo?"), 422, "conversation-rule", "conversationId");
  }

  @Test
  void keepsGroupIdsForGroups() {
    String madeUp =
        Requests.message(List.of(bob), "ad hoc").add("conversationId", "g-mine").build().toString();
    assertProblem(
        as(alice).post("api/messages", madeUp), 422, "conversation-rule", "conversationId");
    assertProblem(
        sendToGroup(alice, "g-not-a-group", "hi"), 422, "conversation-rule", "conversationId");

    Reply unknown = sendToGroup(alice, "g-" + UUID.randomUUID(), "anyone?");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
  }

  @Test
  void refusesANonGroupSendWithoutRecipients() {
    assertProblem(
        as(alice).post("api/messages", "{\"body\":\"to whom?\"}"), 400, "validation", "to");
    assertProblem(
        as(alice).post("api/messages", "{\"to\":[],\"body\":\"to whom?\"}"),
        400,
        "validation",
        "to");
    assertProblem(
        as(alice).post("api/messages", "{\"body\":\"to whom?\",\"conversationId\":\"chat\"}"),
        400,
        "validation",
        "to");
  }

  @Test
  void storesAGroupSendWithAnIdempotencyKeyOnce() {
    String group = group(alice, "retries", List.of(bob, carol));
    String key = UUID.randomUUID().toString();

    Reply first = sendToGroup(alice, group, "exactly once", "Idempotency-Key", key);
    Reply retry = sendToGroup(alice, group, "exactly once", "Idempotency-Key", key);

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(retry.body()).isEqualTo(first.body());
    String id = first.json().getString("id");
    awaitVisible(bob, id);
    awaitVisible(carol, id);
    assertThat(
            LogDatabase.count(
                "select count(*) from messages where sender = ? and body = ?",
                alice,
                "exactly once"))
        .isEqualTo(1);
    assertThat(recipients(id)).containsExactlyInAnyOrder(bob, carol);
    Reply otherBody = sendToGroup(alice, group, "another", "Idempotency-Key", key);
    assertThat(otherBody.status()).isEqualTo(422);
  }

  @Test
  void movesTheGroupUpInEveryMembersChatListWithTheMessage() {
    String quiet = group(alice, "quiet", List.of(bob));
    String loud = group(alice, "loud", List.of(bob));
    String id = sendToGroup(bob, quiet, "wake up").json().getString("id");
    awaitVisible(alice, id);

    for (String member : List.of(alice, bob)) {
      var chats = items(as(member).get("api/conversations"));
      assertThat(chats).extracting(c -> c.getString("conversationId")).containsExactly(quiet, loud);
      assertThat(chats.get(0).getJsonObject("lastMessage").getString("id")).isEqualTo(id);
    }
    assertThat(items(as(alice).get("api/conversations")).get(0).getInt("unread")).isEqualTo(1);
    assertThat(items(as(bob).get("api/conversations")).get(0).getInt("unread")).isZero();
  }
}
