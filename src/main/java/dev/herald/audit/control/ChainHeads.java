package dev.herald.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * Locks the heads of the chains a batch appends to, in chain order, until the transaction ends: a
 * chain's next events can then be numbered and hashed outside the database without anyone moving
 * its head meanwhile. Heads missing (a chain's first event) are created first.
 */
final class ChainHeads {
  /** The newest event of a chain: its seq and hash (a new chain: 0 and 32 zero bytes). */
  record Head(long seq, byte[] hash) {}

  /** The hash a chain starts from. */
  static final byte[] GENESIS = new byte[32];

  // the same order in every transaction, so two batches that share chains cannot deadlock
  private static final String LOCK =
      "select chain, seq, hash from audit_chain_heads where chain = any(?) order by chain"
          + " for update";
  private static final String CREATE =
      "insert into audit_chain_heads (chain, seq, prev_hash, hash)"
          + " select chain, 0, '\\x'::bytea, ? from unnest(?::varchar[]) as c(chain) order by chain"
          + " on conflict (chain) do nothing";

  private ChainHeads() {}

  /** The heads of these chains, locked for the rest of the transaction. */
  static Map<String, Head> lock(Connection connection, SortedSet<String> chains)
      throws SQLException {
    Map<String, Head> heads = select(connection, chains);
    if (heads.size() < chains.size()) {
      try (PreparedStatement create = connection.prepareStatement(CREATE)) {
        create.setBytes(1, GENESIS);
        create.setArray(
            2,
            connection.createArrayOf(
                "varchar", chains.stream().filter(c -> !heads.containsKey(c)).toArray()));
        create.executeUpdate();
      }
      return select(connection, chains);
    }
    return heads;
  }

  private static Map<String, Head> select(Connection connection, SortedSet<String> chains)
      throws SQLException {
    Map<String, Head> heads = new HashMap<>();
    try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
      lock.setArray(1, connection.createArrayOf("varchar", chains.toArray()));
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          heads.put(rows.getString(1), new Head(rows.getLong(2), rows.getBytes(3)));
        }
      }
    }
    return heads;
  }
}
