package dev.herald.audit.control;

import dev.herald.audit.control.Chaining.Link;
import dev.herald.audit.control.Chaining.Result;
import dev.herald.platform.SqlArrays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a hashed batch of audit events and moves their chains' heads, in one statement (one round
 * trip): the heads were locked before the events were numbered, so the update waits for nobody.
 * Hashes travel as one binary value per column, 32 bytes per row, rather than as arrays the driver
 * would escape as text and the database parse again.
 */
final class AuditInsert {
  private static final String HASH = "substring(?::bytea from n::int * 32 - 31 for 32)";
  private static final String INSERT =
      "with heads as (update audit_chain_heads h"
          + (" set seq = u.seq, prev_hash = u.prev_hash, hash = u.hash from (select chain, seq, "
              + HASH
              + " as prev_hash, "
              + HASH
              + " as hash from unnest(?::varchar[], ?::int8[]) with ordinality as u(chain, seq, n))")
          + " as u where h.chain = u.chain)"
          + " insert into audit_events (chain, chain_seq, prev_hash, hash, hash_version,"
          + " occurred_at, action, actor, message_id, conversation_id, details)"
          + (" select chain, seq, " + HASH + ", " + HASH + ", " + EventHash.VERSION)
          + ", ?, action, actor, message_id, conversation_id, details::jsonb"
          + " from unnest(?::varchar[], ?::int8[], ?::varchar[], ?::varchar[], ?::uuid[],"
          + " ?::varchar[], ?::text[]) with ordinality"
          + " as e(chain, seq, action, actor, message_id, conversation_id, details, n)"
          // ids follow the chain order, as the events were numbered
          + " order by n";

  private AuditInsert() {}

  static void write(Connection connection, Result chained, Instant occurredAt) throws SQLException {
    List<Link> heads = List.copyOf(chained.heads().values());
    List<Link> links = chained.links();
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setBytes(1, concatenated(heads, Link::prevHash));
      insert.setBytes(2, concatenated(heads, Link::hash));
      insert.setArray(3, SqlArrays.column(connection, "varchar", heads, l -> l.event().chain()));
      insert.setArray(4, SqlArrays.column(connection, "int8", heads, l -> l.event().seq()));
      insert.setBytes(5, concatenated(links, Link::prevHash));
      insert.setBytes(6, concatenated(links, Link::hash));
      insert.setObject(7, occurredAt.atOffset(ZoneOffset.UTC));
      insert.setArray(8, SqlArrays.column(connection, "varchar", links, l -> l.event().chain()));
      insert.setArray(9, SqlArrays.column(connection, "int8", links, l -> l.event().seq()));
      insert.setArray(10, SqlArrays.column(connection, "varchar", links, l -> l.event().action()));
      insert.setArray(11, SqlArrays.column(connection, "varchar", links, l -> l.event().actor()));
      insert.setArray(12, SqlArrays.column(connection, "uuid", links, l -> l.event().messageId()));
      insert.setArray(
          13, SqlArrays.column(connection, "varchar", links, l -> l.event().conversationId()));
      insert.setArray(14, SqlArrays.column(connection, "text", links, l -> l.event().details()));
      insert.executeUpdate();
    }
  }

  private static byte[] concatenated(List<Link> links, Function<Link, byte[]> hash) {
    byte[] all = new byte[links.size() * EventHash.LENGTH];
    for (int i = 0; i < links.size(); i++) {
      System.arraycopy(hash.apply(links.get(i)), 0, all, i * EventHash.LENGTH, EventHash.LENGTH);
    }
    return all;
  }
}
