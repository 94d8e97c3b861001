package dev.herald.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.Herald.Client;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** Auditors read the audit log by message, conversation and actor, newest first, page by page. */
@MicroShedTest
class AuditQueryIT {
  final Client auditor = Herald.withRoles(Users.unique("auditor"), "herald-auditor");
  final String sender = Users.unique("sender");
  final String recipient = Users.unique("recipient");

  @Test
  void recordsOneStoredEventForEachMessageWithItsAcceptance() {
    JsonObject sent = send("audited");
    String id = sent.getString("id");
    // the recipient's alert (notification.sent) may be audited for the same message as well
    List<JsonObject> events =
        awaitEvents("messageId=" + id, 1).stream()
            .filter(e -> e.getString("action").startsWith("message."))
            .toList();
    assertThat(events).extracting(e -> e.getString("action")).containsExactly("message.stored");
    JsonObject stored = events.get(0);
    assertThat(stored.getString("actor")).isEqualTo(sender);
    assertThat(stored.getString("conversationId")).isEqualTo(sent.getString("conversationId"));
    JsonObject details = stored.getJsonObject("details");
    assertThat(details.getString("acceptedAt")).isEqualTo(sent.getString("acceptedAt"));
    assertThat(details.getJsonArray("recipients").getString(0)).isEqualTo(recipient);
    assertThat(stored.getString("chain")).startsWith("partition:");
    assertThat(details.getInt("partition"))
        .isEqualTo(Integer.parseInt(stored.getString("chain").substring("partition:".length())));
  }

  @Test
  void pagesThroughAnActorsEventsNewestFirst() {
    for (String body : List.of("one", "two", "three", "four")) {
      send(body);
    }
    awaitEvents("actor=" + sender, 4);
    Reply first = auditor.get("api/audit?actor=" + sender + "&limit=3");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    List<Long> ids = ids(first.json());
    assertThat(ids).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    String cursor = first.json().getString("nextCursor");
    Reply second = auditor.get("api/audit?actor=" + sender + "&limit=3&cursor=" + cursor);
    assertThat(ids(second.json())).hasSize(1).allMatch(id -> id < ids.get(2));
    assertThat(second.json().containsKey("nextCursor")).isFalse();
  }

  @Test
  void filtersByConversationAndTime() {
    JsonObject sent = send("in a conversation");
    awaitEvents("conversationId=" + sent.getString("conversationId"), 1);
    String after = sent.getString("acceptedAt");
    Reply later =
        auditor.get(
            // the sender's own events: the recipient's alert is audited in this conversation too
            "api/audit?conversationId="
                + sent.getString("conversationId")
                + "&actor="
                + sender
                + "&after="
                + after);
    assertThat(later.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("action"))
        .containsExactly("message.stored");
    Reply none = auditor.get("api/audit?actor=" + sender + "&before=2000-01-01T00:00:00Z");
    assertThat(none.json().getJsonArray("items")).isEmpty();
  }

  @Test
  void refusesUsersWithoutTheAuditorRole() {
    Reply reply = Herald.as(sender).get("api/audit?actor=" + sender);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:forbidden");
  }

  @Test
  void answersBadFiltersWithAProblem() {
    for (String query :
        List.of(
            "messageId=nope",
            "after=yesterday",
            "before=2026-13-01T00:00:00Z",
            "limit=0",
            "actor=a%20b",
            "conversationId=-x")) {
      Reply reply = auditor.get("api/audit?" + query);
      assertThat(reply.status()).as(query + ": " + reply).isEqualTo(400);
      assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:validation");
    }
    Reply cursor = auditor.get("api/audit?cursor=bm9wZQ");
    assertThat(cursor.json().getString("type")).isEqualTo("urn:herald:problem:bad-cursor");
  }

  JsonObject send(String body) {
    Reply sent = Herald.as(sender).post("api/messages", Requests.send(List.of(recipient), body));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent.json();
  }

  List<JsonObject> awaitEvents(String query, int count) {
    await("audit events for " + query)
        .atMost(Duration.ofSeconds(20))
        .until(() -> events(query).size() >= count);
    return events(query);
  }

  List<JsonObject> events(String query) {
    Reply reply = auditor.get("api/audit?" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  static List<Long> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getJsonNumber("id").longValue())
        .toList();
  }
}
