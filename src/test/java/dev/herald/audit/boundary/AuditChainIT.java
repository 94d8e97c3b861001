package dev.herald.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Herald;
import dev.herald.testing.Herald.Client;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The audit log's hash chains, tampered with as the table's owner can: each test works on a chain
 * of its own, written by hand-made SQL (which the trigger chains like any other insert), breaks it,
 * checks that verification names the row, and puts the row back exactly, so that no broken chain is
 * left for other tests.
 */
@MicroShedTest
class AuditChainIT {
  static final String OFF = "alter table audit_events disable trigger audit_events_append_only";
  static final String ON = "alter table audit_events enable trigger audit_events_append_only";

  final Client auditor = Herald.withRoles(Users.unique("auditor"), "auditor");

  @Test
  void verifiesIntactChains() {
    List<Long> events = chainOfThree();
    JsonObject verified = verify();
    assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
    assertThat(verified.getJsonNumber("events").longValue()).isGreaterThanOrEqualTo(3);
    assertThat(verified.getJsonNumber("chains").longValue()).isGreaterThanOrEqualTo(1);
    assertThat(verified.containsKey("firstBroken")).isFalse();
    assertThat(events).hasSize(3);
  }

  @Test
  void chainsRowsWrittenByHandInOrder() {
    List<Long> events = chainOfThree();
    List<List<Object>> rows =
        LogDatabase.query(
            "select chain_seq, prev_hash, hash from audit_events where id = any(?) order by id",
            (Object) events.toArray(Long[]::new));
    assertThat(rows).extracting(r -> ((Number) r.get(0)).longValue()).containsExactly(1L, 2L, 3L);
    assertThat((byte[]) rows.get(0).get(1)).isEqualTo(new byte[32]);
    assertThat((byte[]) rows.get(1).get(1)).isEqualTo(rows.get(0).get(2));
    assertThat((byte[]) rows.get(2).get(1)).isEqualTo(rows.get(1).get(2));
  }

  @Test
  void namesAnEditedEvent() throws SQLException {
    List<Long> events = chainOfThree();
    long edited = events.get(1);
    String original = detailsOf(edited);
    try {
      asOwner(
          OFF,
          "update audit_events set details = '{\"note\":\"forged\"}' where id = " + edited,
          ON);
      assertBroken(verify(), edited, 2, "hash-mismatch");
    } finally {
      asOwner(
          OFF,
          "update audit_events set details = '" + original + "'::jsonb where id = " + edited,
          ON);
    }
    assertThat(verify().getBoolean("ok")).isTrue();
  }

  @Test
  void namesADeletedEvent() throws SQLException {
    List<Long> events = chainOfThree();
    long deleted = events.get(1);
    String copy = copyOf(deleted);
    try {
      asOwner(OFF, "delete from audit_events where id = " + deleted, ON);
      // the gap is reported at its sequence number, with the event after it
      assertBroken(verify(), events.get(2), 2, "missing-event");
    } finally {
      putBack(copy);
    }
    assertThat(verify().getBoolean("ok")).isTrue();
  }

  @Test
  void namesAChainWhoseLastEventWasDeleted() throws SQLException {
    List<Long> events = chainOfThree();
    long deleted = events.get(2);
    String copy = copyOf(deleted);
    try {
      asOwner(OFF, "delete from audit_events where id = " + deleted, ON);
      JsonObject verified = verify();
      assertThat(verified.getBoolean("ok")).isFalse();
      JsonObject broken = verified.getJsonObject("firstBroken");
      assertThat(broken.getString("reason")).isEqualTo("head-mismatch");
      assertThat(broken.getJsonNumber("seq").longValue()).isEqualTo(3);
    } finally {
      putBack(copy);
    }
    assertThat(verify().getBoolean("ok")).isTrue();
  }

  @Test
  void refusesVerificationWithoutTheAuditorRole() {
    Reply reply = Herald.as(Users.unique("user")).get("api/audit/verify");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void verifiesALongLogInCallsThatContinueWhereTheLastStopped() {
    chainOfThree();
    JsonObject first = verifyPage("api/audit/verify?limit=1");
    assertThat(first.getBoolean("ok")).isTrue();
    assertThat(first.getBoolean("complete")).isFalse();
    assertThat(first.getJsonNumber("events").longValue()).isEqualTo(1);

    JsonObject rest = verifyFrom(first.getString("next"));
    assertThat(rest.getBoolean("ok")).as(rest.toString()).isTrue();
    assertThat(rest.getBoolean("complete")).isTrue();
    assertThat(rest.containsKey("next")).isFalse();
    assertThat(rest.getJsonNumber("events").longValue()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void refusesACursorItDidNotIssueAndALimitOutOfRange() {
    for (String query : List.of("cursor=bm9wZQ", "limit=0", "limit=2000001", "limit=x")) {
      Reply reply = auditor.get("api/audit/verify?" + query);
      assertThat(reply.status()).as(query + " " + reply).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
  }

  /** Verifies the whole log, call after call: the last answer, with the events of all calls. */
  JsonObject verify() {
    return verifyFrom(null);
  }

  JsonObject verifyFrom(String cursor) {
    long events = 0;
    while (true) {
      JsonObject page =
          verifyPage("api/audit/verify" + (cursor == null ? "" : "?cursor=" + cursor));
      events += page.getJsonNumber("events").longValue();
      if (!page.getBoolean("ok") || page.getBoolean("complete")) {
        return Json.createObjectBuilder(page).add("events", events).build();
      }
      cursor = page.getString("next");
    }
  }

  JsonObject verifyPage(String path) {
    Reply reply = auditor.get(path);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  static void assertBroken(JsonObject verified, long eventId, long seq, String reason) {
    assertThat(verified.getBoolean("ok")).as(verified.toString()).isFalse();
    JsonObject broken = verified.getJsonObject("firstBroken");
    assertThat(broken.getString("reason")).as(verified.toString()).isEqualTo(reason);
    assertThat(broken.getJsonNumber("eventId").longValue()).isEqualTo(eventId);
    assertThat(broken.getJsonNumber("seq").longValue()).isEqualTo(seq);
    assertThat(broken.getString("chain")).startsWith("test:");
  }

  /** Three events on a chain of the test's own, inserted as any SQL client would. */
  static List<Long> chainOfThree() {
    String chain = "test:" + UUID.randomUUID();
    List<Long> ids = new ArrayList<>();
    try (Connection connection = LogDatabase.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into audit_events (chain, action, actor, details)"
                    + " values (?, 'test.event', 'audit-chain-it', ?::jsonb) returning id")) {
      for (int i = 1; i <= 3; i++) {
        insert.setString(1, chain);
        insert.setString(2, "{\"n\":" + i + "}");
        try (ResultSet row = insert.executeQuery()) {
          row.next();
          ids.add(row.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  static String detailsOf(long id) {
    return (String)
        LogDatabase.query("select details::text from audit_events where id = ?", id).get(0).get(0);
  }

  /** The row as an INSERT that restores it exactly, id, chain and hashes included. */
  static String copyOf(long id) {
    return (String)
        LogDatabase.query(
                "select format('insert into audit_events (id, occurred_at, action, actor, details,"
                    + " chain, chain_seq, prev_hash, hash) overriding system value"
                    + " values (%s, %L, %L, %L, %L, %L, %s, %L::bytea, %L::bytea)', id,"
                    + " occurred_at, action, actor, details, chain, chain_seq, prev_hash, hash)"
                    + " from audit_events where id = ?",
                id)
            .get(0)
            .get(0);
  }

  /** Re-inserts a deleted row as it was, past the trigger that would chain it anew. */
  static void putBack(String insert) throws SQLException {
    asOwner(
        "alter table audit_events disable trigger audit_events_chained",
        insert,
        "alter table audit_events enable trigger audit_events_chained");
  }

  /** Statements in one transaction, as the table's owner (whom the triggers obey). */
  static void asOwner(String... statements) throws SQLException {
    try (Connection connection = LogDatabase.connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }
}
