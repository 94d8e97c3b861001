package dev.herald.notifications.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.notifications.entity.Claimed;
import dev.herald.platform.SqlArrays;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records how claimed alerts ended, only while the claim's lease is still the one taken (else
 * another dispatcher holds them now), and audits sent and failed alerts in the same transaction as
 * their status change: one update and one audit insert for a whole batch of outcomes.
 */
@ApplicationScoped
public class AlertOutcomes {
  static final String ACTOR = "herald-notifier";
  private static final String FINISH =
      "update notifications n set status = u.status,"
          + " next_attempt_at = coalesce(u.next_at::timestamptz, n.next_attempt_at),"
          + " last_error = u.error,"
          + " provider_message_id = coalesce(u.provider_id, n.provider_message_id),"
          + " attempts = n.attempts + u.attempted, digest_id = u.digest_id,"
          + " claimed_until = null, updated_at = now(),"
          + " sent_at = case when n.status = 'sent' then n.sent_at"
          + " when u.status = 'sent' then now() end"
          + " from unnest(?::uuid[], ?::text[], ?::varchar[], ?::text[], ?::text[], ?::text[],"
          + " ?::int[], ?::uuid[])"
          + " as u(id, lease, status, next_at, error, provider_id, attempted, digest_id)"
          + " where n.id = u.id and n.claimed_until = u.lease::timestamptz"
          + " returning n.id, n.message_id, n.conversation_id, n.channel, n.attempts";

  private record Row(Claimed claimed, Finish finish) {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;
  @Inject AlertMetrics metrics;

  /**
   * Records each outcome for its alerts in one transaction, except for alerts whose lease ran out
   * (another dispatcher has them now).
   */
  @Transactional(rollbackOn = Exception.class)
  public void record(List<Settlements.Settled> settled) throws SQLException {
    List<Row> rows = new ArrayList<>();
    settled.forEach(s -> s.group().forEach(claimed -> rows.add(new Row(claimed, s.finish()))));
    if (rows.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      relaxCommit(connection);
      List<Updated> updated = finish(connection, rows);
      audit.appendAll(
          connection,
          updated.stream()
              .filter(u -> u.row().finish().audited())
              .map(AlertOutcomes::event)
              .toList());
      // only what was updated, and only once committed: an outcome dropped for its lost lease is
      // recorded (and counted) by the dispatcher that holds the alert now
      metrics.afterCommit(updated.stream().map(Updated::recorded).toList());
    }
  }

  /** A notification row the outcome was written to, with what its audit event names. */
  private record Updated(
      Row row, UUID messageId, String conversationId, String channel, int attempts) {
    AlertMetrics.Recorded recorded() {
      return new AlertMetrics.Recorded(channel, row.finish().status());
    }
  }

  /** Updates the rows whose lease still holds, and returns them. */
  private static List<Updated> finish(Connection connection, List<Row> rows) throws SQLException {
    Map<UUID, Row> byId = new HashMap<>();
    rows.forEach(row -> byId.put(row.claimed().id(), row));
    List<Updated> updated = new ArrayList<>();
    try (PreparedStatement update = connection.prepareStatement(FINISH)) {
      update.setArray(1, SqlArrays.column(connection, "uuid", rows, r -> r.claimed().id()));
      update.setArray(
          2, SqlArrays.column(connection, "text", rows, r -> text(r.claimed().lease())));
      update.setArray(3, SqlArrays.column(connection, "varchar", rows, r -> r.finish().status()));
      update.setArray(
          4, SqlArrays.column(connection, "text", rows, r -> text(r.finish().nextAttemptAt())));
      update.setArray(5, SqlArrays.column(connection, "text", rows, r -> error(r.finish(), 1000)));
      update.setArray(
          6, SqlArrays.column(connection, "text", rows, r -> r.finish().providerMessageId()));
      update.setArray(
          7, SqlArrays.column(connection, "int4", rows, r -> r.finish().attempted() ? 1 : 0));
      update.setArray(8, SqlArrays.column(connection, "uuid", rows, r -> r.finish().digestId()));
      try (ResultSet returned = update.executeQuery()) {
        while (returned.next()) {
          updated.add(
              new Updated(
                  byId.get(returned.getObject("id", UUID.class)),
                  returned.getObject("message_id", UUID.class),
                  returned.getString("conversation_id"),
                  returned.getString("channel"),
                  returned.getInt("attempts")));
        }
      }
    }
    return updated;
  }

  /**
   * Losing outcomes in a database crash only means their alerts are claimed and sent again after
   * their lease, under the same notification ids (at-least-once, as documented), with their audit
   * rows lost together with them: so this transaction does not wait for the WAL flush.
   */
  private static void relaxCommit(Connection connection) throws SQLException {
    try (PreparedStatement relax =
        connection.prepareStatement("set local synchronous_commit = off")) {
      relax.execute();
    }
  }

  private static AuditLog.Event event(Updated updated) {
    Row row = updated.row();
    Finish finish = row.finish();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("notificationId", row.claimed().id().toString());
    details.put("recipient", row.claimed().recipient());
    details.put("channel", updated.channel());
    details.put("attempts", updated.attempts());
    if (finish.providerMessageId() != null) {
      details.put("providerMessageId", finish.providerMessageId());
    }
    if (finish.error() != null) {
      details.put("error", error(finish, 500));
    }
    return new AuditLog.Event(
        "notification." + finish.status(),
        ACTOR,
        updated.messageId(),
        updated.conversationId(),
        details);
  }

  private static String error(Finish finish, int max) {
    return finish.error() == null ? null : Snippets.truncate(finish.error(), max);
  }

  /** Instants as ISO text: exact to the microsecond, as PostgreSQL stores them. */
  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
