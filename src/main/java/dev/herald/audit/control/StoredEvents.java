package dev.herald.audit.control;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads audit events for verification, in (chain, chain_seq) order, and tells whether each row's
 * hash covers it by the rule its hash_version names: version 1 recomputed by the database with the
 * function the old trigger used (herald_audit_bytes), version 2 here from the stored columns.
 */
final class StoredEvents {
  static final String SELECT =
      "select chain, chain_seq, id, prev_hash, hash, hash_version,"
          + " case when hash_version = 1 then hash = sha256(prev_hash || herald_audit_bytes(chain,"
          + " chain_seq, id, occurred_at, action, actor, message_id, conversation_id, details))"
          + " end as intact_v1,"
          + " (extract(epoch from occurred_at) * 1000000)::bigint as occurred_us, action, actor,"
          + " message_id, conversation_id,"
          + " case when hash_version = 2 then details::text end as details"
          + " from audit_events where (chain, chain_seq) >= (?, ?) order by chain, chain_seq"
          + " limit ?";

  private final MessageDigest sha256 = EventHash.sha256();

  /** Whether the current row's hash is the hash of its contents and prev_hash. */
  boolean intact(ResultSet row) throws SQLException {
    return switch (row.getShort("hash_version")) {
      case 1 -> row.getBoolean("intact_v1");
      case EventHash.VERSION -> Arrays.equals(row.getBytes("hash"), v2(row));
      default -> false;
    };
  }

  private byte[] v2(ResultSet row) throws SQLException {
    ChainedEvent event =
        new ChainedEvent(
            row.getString("chain"),
            row.getLong("chain_seq"),
            row.getLong("occurred_us"),
            row.getString("action"),
            row.getString("actor"),
            row.getObject("message_id", UUID.class),
            row.getString("conversation_id"),
            CanonicalJson.of(row.getString("details")));
    return EventHash.of(sha256, row.getBytes("prev_hash"), event);
  }
}
