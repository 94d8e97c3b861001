package dev.herald.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testing.Herald;
import dev.herald.testing.Herald.Client;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The audit log's hash chains, tampered with as the table's owner can: each test works on a chain
 * of its own, written through AuditLog (hash format 2) or as the old trigger wrote them (format 1),
 * breaks it, checks that verification names the row, and puts the row back exactly, so that no
 * broken chain is left for other tests.
 */
@MicroShedTest
class AuditChainIT {
  final Client auditor = Herald.withRoles(Users.unique("auditor"), "herald-auditor");

  @Test
  void verifiesIntactChains() {
    List<Long> events = TestChains.chainOfThree();
    JsonObject verified = verify();
    assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
    assertThat(verified.getJsonNumber("events").longValue()).isGreaterThanOrEqualTo(3);
    assertThat(verified.getJsonNumber("chains").longValue()).isGreaterThanOrEqualTo(1);
    assertThat(verified.containsKey("firstBroken")).isFalse();
    assertThat(events).hasSize(3);
  }

  @Test
  void chainsEventsInTheOrderAppended() {
    List<Long> events = TestChains.chainOfThree();
    List<List<Object>> rows =
        LogDatabase.query(
            "select chain_seq, prev_hash, hash, hash_version, details->>'n' from audit_events"
                + " where id = any(?) order by id",
            (Object) events.toArray(Long[]::new));
    assertThat(rows).extracting(r -> ((Number) r.get(0)).longValue()).containsExactly(1L, 2L, 3L);
    assertThat(rows).extracting(r -> r.get(4)).containsExactly("1", "2", "3");
    assertThat(rows).extracting(r -> ((Number) r.get(3)).intValue()).containsOnly(2);
    assertThat((byte[]) rows.get(0).get(1)).isEqualTo(new byte[32]);
    assertThat((byte[]) rows.get(1).get(1)).isEqualTo(rows.get(0).get(2));
    assertThat((byte[]) rows.get(2).get(1)).isEqualTo(rows.get(1).get(2));
  }

  @Test
  void verifiesAChainThatGoesOnFromVersion1EventsIntoVersion2Events() {
    String chain = TestChains.newChain();
    TestChains.version1(chain, 2);
    List<Long> events = TestChains.append(chain, List.of(Map.of("n", 3), Map.of("n", 4)));
    assertThat(
            LogDatabase.query(
                "select hash_version from audit_events where chain = ? order by chain_seq", chain))
        .extracting(r -> ((Number) r.get(0)).intValue())
        .containsExactly(1, 1, 2, 2);
    assertThat(events).hasSize(4);
    JsonObject verified = verify();
    assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
  }

  @Test
  void verifiesDetailsWhateverTheLayoutPostgresqlPrintsThemIn() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("zeta", new BigDecimal("1.50"));
    details.put("text", "line\nbreak \u0001 \"quoted\" \\ é 채영 😀");
    details.put("numbers", List.of(1, 2.0, 1.0E10, -0.0, Long.MAX_VALUE));
    details.put("nested", Map.of("b", true, "a", List.of(), "c", Map.of()));
    details.put("a", "first in the canonical order, last in jsonb's");
    String chain = TestChains.newChain();
    TestChains.append(chain, List.of(details));
    JsonObject verified = verify();
    assertThat(verified.getBoolean("ok")).as(verified.toString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void namesAnEditedEvent(int version) throws SQLException {
    List<Long> events = chainOfThree(version);
    assertEditNamed(events.get(1), 2, "details", "'{\"n\":\"forged\"}'");
  }

  @Test
  void namesAVersion2EventWhoseTimeWasMoved() throws SQLException {
    List<Long> events = TestChains.chainOfThree();
    assertEditNamed(events.get(2), 3, "occurred_at", "occurred_at - interval '1 microsecond'");
  }

  @Test
  void namesADeletedEvent() throws SQLException {
    List<Long> events = TestChains.chainOfThree();
    long deleted = events.get(1);
    String copy = copyOf(deleted);
    try {
      TestChains.asOwner(
          TestChains.OFF, "delete from audit_events where id = " + deleted, TestChains.ON);
      // the gap is reported at its sequence number, with the event after it
      assertBroken(verify(), events.get(2), 2, "missing-event");
    } finally {
      TestChains.asOwner(copy);
    }
    assertThat(verify().getBoolean("ok")).isTrue();
  }

  @Test
  void namesAChainWhoseLastEventWasDeleted() throws SQLException {
    List<Long> events = TestChains.chainOfThree();
    long deleted = events.get(2);
    String copy = copyOf(deleted);
    try {
      TestChains.asOwner(
          TestChains.OFF, "delete from audit_events where id = " + deleted, TestChains.ON);
      JsonObject verified = verify();
      assertThat(verified.getBoolean("ok")).isFalse();
      JsonObject broken = verified.getJsonObject("firstBroken");
      assertThat(broken.getString("reason")).isEqualTo("head-mismatch");
      assertThat(broken.getJsonNumber("seq").longValue()).isEqualTo(3);
    } finally {
      TestChains.asOwner(copy);
    }
    assertThat(verify().getBoolean("ok")).isTrue();
  }

  @Test
  void refusesAnEventInsertedWithoutItsPlaceInAChain() throws SQLException {
    // no trigger chains hand-written inserts any more: the columns AuditLog fills are required
    assertThatThrownBy(
            () ->
                TestChains.asOwner(
                    "insert into audit_events (chain, occurred_at, action, actor)"
                        + " values ('test:unchained', now(), 'test.event', 'audit-chain-it')"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23502"));
  }

  @Test
  void refusesVerificationWithoutTheAuditorRole() {
    Reply reply = Herald.as(Users.unique("user")).get("api/audit/verify");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void verifiesALongLogInCallsThatContinueWhereTheLastStopped() {
    TestChains.chainOfThree();
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

  /**
   * Sets one column of an event to an SQL expression as the table's owner, checks that verification
   * names the event, and puts the value back exactly.
   */
  void assertEditNamed(long id, long seq, String column, String forged) throws SQLException {
    String original =
        (String)
            LogDatabase.query("select " + column + "::text from audit_events where id = ?", id)
                .get(0)
                .get(0);
    String edit = "update audit_events set " + column + " = %s where id = " + id;
    try {
      TestChains.asOwner(TestChains.OFF, String.format(edit, forged), TestChains.ON);
      assertBroken(verify(), id, seq, "hash-mismatch");
    } finally {
      TestChains.asOwner(TestChains.OFF, String.format(edit, "'" + original + "'"), TestChains.ON);
    }
    assertThat(verify().getBoolean("ok")).isTrue();
  }

  static List<Long> chainOfThree(int version) {
    return version == 1 ? TestChains.version1(TestChains.newChain(), 3) : TestChains.chainOfThree();
  }

  /** The row as an INSERT that restores it exactly, id, time, chain and hashes included. */
  static String copyOf(long id) {
    return (String)
        LogDatabase.query(
                "select format('insert into audit_events (id, occurred_at, action, actor, details,"
                    + " chain, chain_seq, prev_hash, hash, hash_version) overriding system value"
                    + " values (%s, %L, %L, %L, %L, %L, %s, %L::bytea, %L::bytea, %s)', id,"
                    + " occurred_at, action, actor, details, chain, chain_seq, prev_hash, hash,"
                    + " hash_version) from audit_events where id = ?",
                id)
            .get(0)
            .get(0);
  }
}
