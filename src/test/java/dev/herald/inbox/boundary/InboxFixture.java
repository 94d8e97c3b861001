package dev.herald.inbox.boundary;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Sending to a user and reading their inbox, as the inbox ITs need it. */
final class InboxFixture {
  private InboxFixture() {}

  /** Sends and waits until stored, without listing the inbox (listing marks items seen). */
  static String send(String from, String to, String body, String conversationId) {
    var message = Requests.message(List.of(to), body);
    if (conversationId != null) {
      message.add("conversationId", conversationId);
    }
    Reply sent = as(from).post("api/messages", message.build().toString());
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    String id = sent.json().getString("id");
    await("stored " + id)
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                LogDatabase.count(
                        "select count(*) from deliveries where message_id = ? and recipient = ?",
                        UUID.fromString(id),
                        to)
                    == 1);
    return id;
  }

  static String send(String from, String to, String body) {
    return send(from, to, body, null);
  }

  static List<JsonObject> items(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  static List<String> bodies(Reply reply) {
    return items(reply).stream().map(i -> i.getString("body")).toList();
  }

  static List<String> bodies(String user, String query) {
    return bodies(as(user).get("api/inbox" + query));
  }

  static JsonObject counts(String user, String query) {
    Reply reply = as(user).get("api/inbox/counts" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  static List<List<Object>> audit(String messageId) {
    return LogDatabase.query(
        "select action, actor from audit_events where message_id = ? and action like 'delivery.%'"
            + " order by id",
        UUID.fromString(messageId));
  }

  /** A 400 problem that names the field. */
  static void assertFieldError(Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .as(reply.toString())
        .anySatisfy(e -> assertThat(e.getString("field")).isEqualTo(field));
  }
}
