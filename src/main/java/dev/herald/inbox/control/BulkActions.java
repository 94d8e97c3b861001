package dev.herald.inbox.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.inbox.entity.InboxChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Actions on many of a user's deliveries at once: one set-based UPDATE each (the statement triggers
 * keep inbox_counts in one upsert) and one audit row with the criteria and the count. Deleted
 * deliveries are never touched; a bulk action that changes nothing writes no audit row.
 */
@ApplicationScoped
public class BulkActions {
  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  /** Which deliveries a bulk action was limited to, beyond the statement's own condition. */
  private record Scope(String conversationId, Instant before) {}

  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<InboxChanged> changed;

  /** Marks read every unread delivery, optionally of one conversation and created before a time. */
  @Transactional(rollbackOn = Exception.class)
  public int readAll(String user, String conversationId, Instant before) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "update deliveries set read_at = ? where recipient = ? and read_at is null"
                + " and deleted_at is null");
    List<Object> parameters = new ArrayList<>();
    if (conversationId != null) {
      sql.append(" and conversation_id = ?");
      parameters.add(conversationId);
    }
    if (before != null) {
      sql.append(" and created_at < ?");
      parameters.add(before.atOffset(ZoneOffset.UTC));
    }
    return run(user, "read-all", sql.toString(), parameters, new Scope(conversationId, before));
  }

  /** Marks seen every delivery not seen yet. */
  @Transactional(rollbackOn = Exception.class)
  public int seenAll(String user) throws SQLException {
    return run(
        user,
        "seen-all",
        "update deliveries set seen_at = ? where recipient = ? and seen_at is null"
            + " and deleted_at is null");
  }

  /** Archives every read delivery that is not archived yet. */
  @Transactional(rollbackOn = Exception.class)
  public int archiveRead(String user) throws SQLException {
    return run(
        user,
        "archive-read",
        "update deliveries set archived_at = ? where recipient = ? and read_at is not null"
            + " and archived_at is null and deleted_at is null");
  }

  /** A bulk action on the whole inbox: no criteria beyond the statement's own. */
  private int run(String user, String action, String sql) throws SQLException {
    return run(user, action, sql, List.of(), new Scope(null, null));
  }

  private int run(String user, String action, String sql, List<Object> parameters, Scope scope)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
      update.setString(2, user);
      for (int i = 0; i < parameters.size(); i++) {
        update.setObject(i + 3, parameters.get(i));
      }
      int updated = update.executeUpdate();
      if (updated > 0) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (scope.conversationId() != null) {
          details.put("conversationId", scope.conversationId());
        }
        if (scope.before() != null) {
          details.put("before", scope.before().toString());
        }
        details.put("updated", updated);
        audit.append(connection, "inbox." + action, user, null, scope.conversationId(), details);
        changed.fire(
            new InboxChanged(user, action, scope.conversationId(), scope.before(), updated));
      }
      return updated;
    }
  }
}
