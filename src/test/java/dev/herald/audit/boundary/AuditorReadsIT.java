package dev.herald.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Herald;
import dev.herald.testing.Herald.Client;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Auditors are audited: each read of another user's history or search leaves an audit event naming
 * the auditor, whose messages and the criteria; users' reads of their own messages leave none; the
 * chains still verify.
 */
@MicroShedTest
class AuditorReadsIT {
  static final String ACTION = "messages.read-by-auditor";

  final String auditorName = Users.unique("auditor");
  final Client auditor = Herald.withRoles(auditorName, "herald-auditor");
  final String carol = Users.unique("carol");

  @Test
  void recordsAnAuditorsReadsOfAnotherUsersHistoryAndSearch() {
    Reply history = auditor.get("api/messages?user=" + carol + "&with=dave&limit=5");
    Reply search = auditor.get("api/messages/search?user=" + carol + "&q=invoice");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(search.status()).as(search.toString()).isEqualTo(200);

    List<JsonObject> events = events(auditorName);

    assertThat(events).hasSize(2);
    JsonObject searched = events.get(0).getJsonObject("details");
    assertThat(searched.getString("user")).isEqualTo(carol);
    assertThat(searched.getString("view")).isEqualTo("search");
    assertThat(searched.getString("query")).isEqualTo("invoice");
    JsonObject read = events.get(1).getJsonObject("details");
    assertThat(read.getString("user")).isEqualTo(carol);
    assertThat(read.getString("view")).isEqualTo("history");
    assertThat(read.getString("with")).isEqualTo("dave");
    JsonObject verified = auditor.get("api/audit/verify").json();
    assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
  }

  @Test
  void leavesNoEventForReadsOfOnesOwnMessages() {
    assertThat(Herald.as(carol).get("api/messages").status()).isEqualTo(200);
    assertThat(Herald.as(carol).get("api/messages/search?q=invoice").status()).isEqualTo(200);
    assertThat(auditor.get("api/messages").status()).isEqualTo(200);

    assertThat(events(carol)).isEmpty();
    assertThat(events(auditorName)).isEmpty();
  }

  @Test
  void leavesNoEventWhenTheReadIsRefused() {
    Reply refused = Herald.as(carol).get("api/messages?user=" + auditorName);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(events(carol)).isEmpty();
  }

  /** The actor's read-by-auditor events, newest first (appended before the read answered). */
  List<JsonObject> events(String actor) {
    Reply reply = auditor.get("api/audit?actor=" + actor);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(e -> ACTION.equals(e.getString("action")))
        .toList();
  }
}
