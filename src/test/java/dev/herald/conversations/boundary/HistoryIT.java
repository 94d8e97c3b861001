package dev.herald.conversations.boundary;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class HistoryIT {
  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");
  final String conversation = Users.unique("standup");

  String send(String from, String to, String body) {
    String json =
        Requests.message(List.of(to), body).add("conversationId", conversation).build().toString();
    Reply reply = as(from).post("api/messages", json);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    return reply.json().getString("id");
  }

  List<String> history(String user) {
    List<String> ids = new ArrayList<>();
    String path = "api/conversations/" + conversation + "/messages?limit=100";
    for (Reply page = as(user).get(path); ; ) {
      List<String> pageIds =
          page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
              .map(m -> m.getString("id"))
              .toList();
      ids.addAll(0, pageIds);
      if (!page.json().containsKey("nextCursor")) {
        return ids;
      }
      page = as(user).get(path + "&before=" + page.json().getString("nextCursor"));
    }
  }

  @Test
  void keepsTheOrderInWhichTheBrokerAcknowledgedConcurrentSends() throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(8);
    List<Future<String>> sends = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String from = i % 2 == 0 ? alice : bob;
      String to = i % 2 == 0 ? bob : alice;
      String body = "message " + i;
      sends.add(senders.submit(() -> send(from, to, body)));
    }
    for (Future<String> send : sends) {
      send.get();
    }
    senders.shutdown();
    await().atMost(Duration.ofSeconds(60)).until(() -> history(alice).size() == 200);

    List<String> history = history(alice);
    List<List<Object>> byOffset =
        LogDatabase.query(
            "select id::text, kafka_partition from messages where conversation_id = ? order by kafka_offset",
            conversation);
    assertThat(byOffset)
        .extracting(row -> row.get(1))
        .as("one conversation, one partition")
        .containsOnly(byOffset.get(0).get(1));
    assertThat(history)
        .as("history order is the partition's offset order")
        .isEqualTo(byOffset.stream().map(r -> (String) r.get(0)).toList());
    assertThat(history(bob)).isEqualTo(history);
  }

  List<String> ids(Reply page) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("id"))
        .toList();
  }

  List<String> sendAndAwait(int count) {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(send(alice, bob, "message " + i));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> history(bob).size() == count);
    return sent;
  }

  @Test
  void pagesBackwardsAndForwardsOldestFirstWithinEachPage() {
    List<String> sent = sendAndAwait(5);
    String path = "api/conversations/" + conversation + "/messages?limit=2";

    Reply newest = as(bob).get(path);
    assertThat(ids(newest)).containsExactly(sent.get(3), sent.get(4));
    Reply middle = as(bob).get(path + "&before=" + newest.json().getString("nextCursor"));
    assertThat(ids(middle)).containsExactly(sent.get(1), sent.get(2));
    Reply oldest = as(bob).get(path + "&before=" + middle.json().getString("nextCursor"));
    assertThat(ids(oldest)).containsExactly(sent.get(0));
    assertThat(oldest.json().containsKey("nextCursor")).as("nothing older").isFalse();

    Reply forward = as(bob).get(path + "&after=" + oldest.json().getString("prevCursor"));
    assertThat(ids(forward)).containsExactly(sent.get(1), sent.get(2));
    Reply forwardAgain = as(bob).get(path + "&after=" + forward.json().getString("prevCursor"));
    assertThat(ids(forwardAgain)).containsExactly(sent.get(3), sent.get(4));
    // back from a forward page: its nextCursor leads to what is older than it
    Reply backAgain = as(bob).get(path + "&before=" + forwardAgain.json().getString("nextCursor"));
    assertThat(ids(backAgain)).containsExactly(sent.get(1), sent.get(2));
  }

  @Test
  void answersAnEmptyPageForNewerMessagesUntilOneArrivesAndKeepsTheCursor() {
    sendAndAwait(1);
    String path = "api/conversations/" + conversation + "/messages";
    String cursor = as(alice).get(path).json().getString("prevCursor");

    Reply nothingYet = as(alice).get(path + "?after=" + cursor);
    assertThat(ids(nothingYet)).isEmpty();
    assertThat(nothingYet.json().getString("prevCursor")).isEqualTo(cursor);

    String later = send(bob, alice, "news");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ids(as(alice).get(path + "?after=" + cursor)).equals(List.of(later)));
  }

  @Test
  void hidesMessagesTheCallerDeletedForThemselves() throws Exception {
    List<String> sent = sendAndAwait(3);
    // deleting is the inbox's API; here the delivery is marked as that API does
    try (var connection = LogDatabase.connect();
        var delete =
            connection.prepareStatement(
                "update deliveries set deleted_at = now() where message_id = ? and recipient = ?")) {
      delete.setObject(1, UUID.fromString(sent.get(1)));
      delete.setString(2, bob);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }

    assertThat(history(bob)).containsExactly(sent.get(0), sent.get(2));
    assertThat(history(alice)).as("the sender still has it").isEqualTo(sent);
  }

  @Test
  void refusesPagingBothWaysAtOnce() {
    sendAndAwait(1);
    String cursor =
        as(bob)
            .get("api/conversations/" + conversation + "/messages")
            .json()
            .getString("prevCursor");

    Reply reply =
        as(bob)
            .get(
                "api/conversations/"
                    + conversation
                    + "/messages?before="
                    + cursor
                    + "&after="
                    + cursor);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:validation");
  }

  @Test
  void showsAGroupsEmptyHistoryToItsMembersOnly() {
    String group = GroupCalls.group(alice, "quiet", List.of(bob));

    Reply member = as(bob).get("api/conversations/" + group + "/messages");
    assertThat(ids(member)).isEmpty();
    assertThat(as(Users.unique("eve")).get("api/conversations/" + group + "/messages").status())
        .isEqualTo(404);
  }

  @Test
  void showsTheHistoryOnlyToItsParticipants() {
    String id = send(alice, bob, "just us");
    await().atMost(Duration.ofSeconds(20)).until(() -> history(bob).contains(id));

    Reply outsider = as(Users.unique("eve")).get("api/conversations/" + conversation + "/messages");
    assertThat(outsider.status()).isEqualTo(404);
    assertThat(LogDatabase.count("select count(*) from messages where id = ?", UUID.fromString(id)))
        .isEqualTo(1);
  }
}
