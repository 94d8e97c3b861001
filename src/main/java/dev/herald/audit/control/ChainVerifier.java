package dev.herald.audit.control;

import dev.herald.audit.control.ChainWalk.Position;
import dev.herald.audit.entity.ChainVerification;
import dev.herald.platform.Cursors;
import dev.herald.platform.Cursors.Keyset;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Recomputes the audit hash chains from their rows (each by its hash format, {@link StoredEvents}),
 * a bounded number of events per call so that a log of millions is verified in calls of seconds
 * each (the cursor carries the last verified event's place; the next call checks that row again and
 * links the rest to it). Rows stream through a cursor in chain order, in one repeatable-read
 * snapshot per call, so events committed meanwhile neither appear half-way nor disagree with the
 * chain heads compared against.
 */
@ApplicationScoped
public class ChainVerifier {
  static final String CURSOR_KIND = "verify";
  private static final int FETCH_SIZE = 1_000;
  private static final String HEADS =
      "select chain, seq, hash from audit_chain_heads where chain >= ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  /** Verifies up to {@code limit} events from the cursor's place (null: from the start). */
  public ChainVerification verify(String cursor, int limit) throws SQLException {
    Position from =
        Cursors.decode(CURSOR_KIND, cursor, "cursor", AuditChains.NAME)
            .map(k -> new Position(k.key(), k.position()))
            .orElse(null);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement snapshot = connection.createStatement()) {
          snapshot.execute("set transaction isolation level repeatable read, read only");
        }
        return walk(connection, from, limit);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private static ChainVerification walk(Connection connection, Position from, int limit)
      throws SQLException {
    ChainWalk walk = new ChainWalk(heads(connection, from), from);
    StoredEvents stored = new StoredEvents();
    try (PreparedStatement statement = connection.prepareStatement(StoredEvents.SELECT)) {
      statement.setString(1, from == null ? "" : from.chain());
      statement.setLong(2, from == null ? 0 : from.seq());
      // a resumed walk reads its anchor row again, and one row more tells whether there is more
      statement.setInt(3, limit + (from == null ? 1 : 2));
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next() && !walk.broken()) {
          if (walk.events() == limit) {
            return walk.paused(cursor(walk.position()));
          }
          walk.next(
              rows.getString("chain"),
              rows.getLong("chain_seq"),
              rows.getLong("id"),
              rows.getBytes("prev_hash"),
              rows.getBytes("hash"),
              stored.intact(rows));
        }
      }
    }
    return walk.result();
  }

  private static Map<String, ChainHeads.Head> heads(Connection connection, Position from)
      throws SQLException {
    Map<String, ChainHeads.Head> heads = new TreeMap<>();
    try (PreparedStatement statement = connection.prepareStatement(HEADS)) {
      statement.setString(1, from == null ? "" : from.chain());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          heads.put(rows.getString(1), new ChainHeads.Head(rows.getLong(2), rows.getBytes(3)));
        }
      }
    }
    return heads;
  }

  private static String cursor(Position position) {
    return Cursors.encode(CURSOR_KIND, new Keyset(position.seq(), position.chain()));
  }
}
