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
 * Settles a send whose broker answer was lost. The API and the consumer (MessageBatchStore) race to
 * record the message's outcome on one primary key: if the API withdraws first, the consumer drops
 * the record when it arrives; if the consumer stored it first, the API answers 202 after all.
 */
@ApplicationScoped
public class SendOutcomes {
  private static final String DECIDE =
      "insert into send_outcomes (message_id, outcome) values (?, ?)"
          + " on conflict (message_id) do nothing";
  private static final String READ = "select outcome from send_outcomes where message_id = ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  /** True if the message is now withdrawn; false if the consumer had stored it. */
  @Transactional(rollbackOn = Exception.class)
  public boolean withdraw(UUID messageId, String sender) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean withdrawn = decide(connection, messageId, "withdrawn");
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

  private static boolean decide(Connection connection, UUID messageId, String outcome)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(DECIDE)) {
      insert.setObject(1, messageId, Types.OTHER);
      insert.setString(2, outcome);
      if (insert.executeUpdate() == 1) {
        return true;
      }
    }
    return outcome.equals(read(connection, messageId));
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
