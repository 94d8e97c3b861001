package dev.herald.notifications.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.notifications.entity.Claimed;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records how claimed alerts ended this round, only while the claim's lease is still the one taken
 * (else another dispatcher holds them now), and audits sent and failed alerts in the same
 * transaction as their status change.
 */
@ApplicationScoped
public class AlertOutcomes {
  static final String ACTOR = "herald-notifier";
  private static final String FINISH =
      "update notifications set status = ?, next_attempt_at = coalesce(?, next_attempt_at),"
          + " last_error = ?, provider_message_id = coalesce(?, provider_message_id),"
          + " attempts = attempts + ?, digest_id = coalesce(?, digest_id), claimed_until = null,"
          + " updated_at = now(), sent_at = case when status = 'sent' then sent_at"
          + " when ? = 'sent' then now() end"
          + " where id = ? and claimed_until = ? returning message_id, conversation_id, channel,"
          + " attempts";

  /**
   * How a claimed notification ends this round; {@code nextAttemptAt} only for pending/deferred.
   */
  public record Finish(
      String status,
      Instant nextAttemptAt,
      String error,
      String providerMessageId,
      boolean attempted,
      UUID digestId) {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  /** Records the outcome for each, unless its lease ran out (another dispatcher has it now). */
  @Transactional(rollbackOn = Exception.class)
  public void record(List<Claimed> group, Finish finish) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(FINISH)) {
      relaxCommit(connection);
      for (Claimed claimed : group) {
        bind(update, claimed, finish);
        try (ResultSet row = update.executeQuery()) {
          if (row.next() && (finish.status().equals("sent") || finish.status().equals("failed"))) {
            audit(connection, claimed, finish, row);
          }
        }
      }
    }
  }

  /**
   * One commit per alert would wait for a WAL flush each. Losing an outcome in a database crash
   * only means the alert is claimed and sent again after its lease, under the same notification id
   * (at-least-once, as documented), with its audit row lost together with it: so this transaction
   * does not wait for the flush.
   */
  private static void relaxCommit(Connection connection) throws SQLException {
    try (PreparedStatement relax =
        connection.prepareStatement("set local synchronous_commit = off")) {
      relax.execute();
    }
  }

  private static void bind(PreparedStatement update, Claimed claimed, Finish finish)
      throws SQLException {
    update.setString(1, finish.status());
    update.setObject(2, Outbox.at(finish.nextAttemptAt()));
    update.setString(3, finish.error() == null ? null : Snippets.truncate(finish.error(), 1000));
    update.setString(4, finish.providerMessageId());
    update.setInt(5, finish.attempted() ? 1 : 0);
    update.setObject(6, finish.digestId(), Types.OTHER);
    update.setString(7, finish.status());
    update.setObject(8, claimed.id(), Types.OTHER);
    update.setObject(9, Outbox.at(claimed.lease()));
  }

  private void audit(Connection connection, Claimed claimed, Finish finish, ResultSet row)
      throws SQLException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("notificationId", claimed.id().toString());
    details.put("recipient", claimed.recipient());
    details.put("channel", row.getString("channel"));
    details.put("attempts", row.getInt("attempts"));
    if (finish.providerMessageId() != null) {
      details.put("providerMessageId", finish.providerMessageId());
    }
    if (finish.error() != null) {
      details.put("error", Snippets.truncate(finish.error(), 500));
    }
    audit.append(
        connection,
        "notification." + finish.status(),
        ACTOR,
        row.getObject("message_id", UUID.class),
        row.getString("conversation_id"),
        details);
  }
}
