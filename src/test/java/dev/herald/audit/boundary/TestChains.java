package dev.herald.audit.boundary;

import dev.herald.audit.control.AuditLog;
import dev.herald.testing.LogDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Audit chains of a test's own (never touched by the server), written the two ways the log holds
 * them: version 2 through the application's {@link AuditLog}, version 1 as the plpgsql trigger
 * wrote them before V15 (the row's hash computed by herald_audit_bytes).
 */
final class TestChains {
  static final String OFF = "alter table audit_events disable trigger audit_events_append_only";
  static final String ON = "alter table audit_events enable trigger audit_events_append_only";
  private static final String V1_EVENT =
      "with e as (select nextval(pg_get_serial_sequence('audit_events', 'id')) as id,"
          + " now() as t, ?::varchar as chain, ?::bigint as seq, ?::bytea as prev,"
          + " ?::jsonb as details)"
          + " insert into audit_events (id, chain, chain_seq, prev_hash, hash, hash_version,"
          + " occurred_at, action, actor, details) overriding system value"
          + " select id, chain, seq, prev, sha256(prev || herald_audit_bytes(chain, seq, id, t,"
          + " 'test.event', 'audit-chain-it', null, null, details)), 1, t, 'test.event',"
          + " 'audit-chain-it', details from e returning id, hash";
  private static final String HEAD =
      "insert into audit_chain_heads (chain, seq, prev_hash, hash) values (?, ?, ?, ?)"
          + " on conflict (chain) do update set seq = excluded.seq,"
          + " prev_hash = excluded.prev_hash, hash = excluded.hash";

  private TestChains() {}

  static String newChain() {
    return "test:" + UUID.randomUUID();
  }

  /** Appends events with these details to the chain through AuditLog, in one transaction. */
  static List<Long> append(String chain, List<Map<String, ?>> details) {
    List<AuditLog.Event> events = new ArrayList<>();
    details.forEach(
        d -> events.add(new AuditLog.Event("test.event", "audit-chain-it", null, null, d, chain)));
    inTransaction(connection -> new AuditLog(Clock.systemUTC()).appendAll(connection, events));
    return ids(chain);
  }

  /** Three version 2 events on a new chain. */
  static List<Long> chainOfThree() {
    return append(newChain(), List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)));
  }

  /** Version 1 events starting a new chain, hashed as the old trigger did, and its head. */
  static List<Long> version1(String chain, int count) {
    inTransaction(
        connection -> {
          byte[] hash = new byte[32];
          byte[] prev = hash;
          for (int seq = 1; seq <= count; seq++) {
            prev = hash;
            try (PreparedStatement insert = connection.prepareStatement(V1_EVENT)) {
              insert.setString(1, chain);
              insert.setLong(2, seq);
              insert.setBytes(3, prev);
              insert.setString(4, "{\"n\": " + seq + ", \"v\": 1}");
              try (ResultSet row = insert.executeQuery()) {
                row.next();
                hash = row.getBytes(2);
              }
            }
          }
          try (PreparedStatement head = connection.prepareStatement(HEAD)) {
            head.setString(1, chain);
            head.setLong(2, count);
            head.setBytes(3, prev);
            head.setBytes(4, hash);
            head.executeUpdate();
          }
        });
    return ids(chain);
  }

  static List<Long> ids(String chain) {
    return LogDatabase.query(
            "select id from audit_events where chain = ? order by chain_seq", chain)
        .stream()
        .map(row -> ((Number) row.get(0)).longValue())
        .toList();
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

  interface Work {
    void run(Connection connection) throws SQLException;
  }

  private static void inTransaction(Work work) {
    try (Connection connection = LogDatabase.connect()) {
      connection.setAutoCommit(false);
      work.run(connection);
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
