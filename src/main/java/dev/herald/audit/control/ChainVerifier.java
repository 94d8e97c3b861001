package dev.herald.audit.control;

import dev.herald.audit.entity.ChainVerification;
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
 * Recomputes every audit hash chain from its rows. The rows stream through a cursor in chain order
 * (never the whole table in memory), in one repeatable-read snapshot, so events committed while it
 * runs neither appear half-way nor disagree with the chain heads it compares against.
 */
@ApplicationScoped
public class ChainVerifier {
  private static final int FETCH_SIZE = 1_000;
  private static final String HEADS = "select chain, seq, hash from audit_chain_heads";
  // the database recomputes each row's hash with the function its trigger used
  private static final String EVENTS =
      "select chain, chain_seq, id, prev_hash, hash,"
          + " hash = sha256(prev_hash || herald_audit_bytes(chain, chain_seq, id, occurred_at,"
          + " action, actor, message_id, conversation_id, details)) as intact"
          + " from audit_events order by chain, chain_seq";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  public ChainVerification verify() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement snapshot = connection.createStatement()) {
          snapshot.execute("set transaction isolation level repeatable read, read only");
        }
        return walk(connection, heads(connection));
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private static Map<String, ChainWalk.Head> heads(Connection connection) throws SQLException {
    Map<String, ChainWalk.Head> heads = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(HEADS)) {
      while (rows.next()) {
        heads.put(rows.getString(1), new ChainWalk.Head(rows.getLong(2), rows.getBytes(3)));
      }
    }
    return heads;
  }

  private static ChainVerification walk(Connection connection, Map<String, ChainWalk.Head> heads)
      throws SQLException {
    ChainWalk walk = new ChainWalk(heads);
    try (PreparedStatement statement = connection.prepareStatement(EVENTS)) {
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next() && !walk.broken()) {
          walk.next(
              rows.getString(1),
              rows.getLong(2),
              rows.getLong(3),
              rows.getBytes(4),
              rows.getBytes(5),
              rows.getBoolean(6));
        }
      }
    }
    return walk.result();
  }
}
