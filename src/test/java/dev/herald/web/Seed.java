package dev.herald.web;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.conversations.boundary.GroupCalls;
import dev.herald.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;

/** Messages and groups made through the API, as another client would, before a page shows them. */
final class Seed {
  private Seed() {}

  /** A message from {@code from} to {@code to}, once stored (visible to its sender); its id. */
  static String send(String from, List<String> to, String subject, String body) {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("to", Json.createArrayBuilder(to)).add("body", body);
    if (subject != null) {
      json.add("subject", subject);
    }
    return stored(from, as(from).post("api/messages", json.build().toString()));
  }

  static String send(String from, String to, String body) {
    return send(from, List.of(to), null, body);
  }

  static String sendToGroup(String from, String group, String body) {
    String json =
        Json.createObjectBuilder()
            .add("conversationId", group)
            .add("body", body)
            .build()
            .toString();
    return stored(from, as(from).post("api/messages", json));
  }

  static String group(String creator, String title, List<String> members) {
    Reply created = GroupCalls.create(creator, title, members);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  static JsonObject message(String user, String id) {
    Reply reply = as(user).get("api/messages/" + id);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  static JsonObject counts(String user) {
    return as(user).get("api/inbox/counts").json();
  }

  private static String stored(String from, Reply sent) {
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    String id = sent.json().getString("id");
    await("message " + id + " stored")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> as(from).get("api/messages/" + id).status() == 200);
    return id;
  }
}
