package dev.herald.storing.control;

import dev.herald.audit.control.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Settles a send whose broker answer was lost. The API and the consumer (MessageBatchStore) race
 * for the message: the API withdraws it under an exclusive advisory lock on the message id's
 * bucket, the consumer stores its batch under shared locks on the buckets of its ids. Whoever locks
 * first decides: if the API withdrew it, the consumer drops the record when it arrives; if the
 * consumer stored it, the API answers 202 after all. Locks instead of a row per stored message:
 * withdrawals are rare, stored messages are all of them.
 */
@ApplicationScoped
public class SendOutcomes {
  /** A namespace for the two-key advisory locks, apart from any other user of advisory locks. */
  static final int LOCKS = 0x68657261;

  /** Buckets of message ids: a batch takes at most this many shared locks. */
  static final int BUCKETS = 256;

  private static final String BUCKET = "hashtext(%s::text) & " + (BUCKETS - 1);
  private static final String RACE =
      "select pg_advisory_xact_lock(" + LOCKS + ", " + BUCKET.formatted("?") + ")";
  static final String GUARD =
      "select pg_advisory_xact_lock_shared("
          + LOCKS
          + ", b) from (select distinct "
          + BUCKET.formatted("id")
          + " as b from unnest(?::uuid[]) as t(id) order by b) buckets";
  private static final String STORED = "select 1 from messages where id = ?";
  private static final String WITHDRAW =
      "insert into send_outcomes (message_id, outcome) values (?, 'withdrawn')"
          + " on conflict (message_id) do nothing";
  private static final String READ = "select outcome from send_outcomes where message_id = ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  /** True if the message is now withdrawn; false if the consumer had stored it. */
  @Transactional(rollbackOn = Exception.class)
  public boolean withdraw(UUID messageId, String sender) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean withdrawn = decide(connection, messageId);
      if (withdrawn) {
        audit.append(
            connection,
            "message.withdrawn",
            sender,
            messageId,
            null,
            Map.of("why", "the broker's acknowledgement did not arrive in time"));
      }
      return withdrawn;
    }
  }

  /** Whether this message id was withdrawn, so a retry must not reuse it. */
  public boolean withdrawn(UUID messageId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return "withdrawn".equals(read(connection, messageId));
    }
  }

  /** Withdraws the message unless the consumer stored it first; true if it is withdrawn. */
  private static boolean decide(Connection connection, UUID messageId) throws SQLException {
    execute(connection, RACE, messageId);
    try (PreparedStatement stored = connection.prepareStatement(STORED)) {
      stored.setObject(1, messageId, Types.OTHER);
      try (ResultSet row = stored.executeQuery()) {
        if (row.next()) {
          return false;
        }
      }
    }
    execute(connection, WITHDRAW, messageId);
    return "withdrawn".equals(read(connection, messageId));
  }

  private static void execute(Connection connection, String sql, UUID messageId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, messageId, Types.OTHER);
      statement.execute();
    }
  }

  private static String read(Connection connection, UUID messageId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(READ)) {
      select.setObject(1, messageId, Types.OTHER);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}
