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
