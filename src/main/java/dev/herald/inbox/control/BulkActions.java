package dev.herald.inbox.control;

import dev.herald.audit.control.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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

  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Marks read every unread delivery, optionally of one conversation and created before a time. */
  @Transactional(rollbackOn = Exception.class)
  public int readAll(String user, String conversationId, Instant before) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "update deliveries set read_at = ? where recipient = ? and read_at is null"
                + " and deleted_at is null");
    List<Object> parameters = new ArrayList<>();
    Map<String, Object> criteria = new LinkedHashMap<>();
    if (conversationId != null) {
      sql.append(" and conversation_id = ?");
      parameters.add(conversationId);
      criteria.put("conversationId", conversationId);
    }
    if (before != null) {
      sql.append(" and created_at < ?");
      parameters.add(before.atOffset(ZoneOffset.UTC));
      criteria.put("before", before.toString());
    }
    return run(user, "inbox.read-all", sql.toString(), parameters, criteria, conversationId);
  }

  /** Marks seen every delivery not seen yet. */
  @Transactional(rollbackOn = Exception.class)
  public int seenAll(String user) throws SQLException {
    return run(
        user,
        "inbox.seen-all",
        "update deliveries set seen_at = ? where recipient = ? and seen_at is null"
            + " and deleted_at is null");
  }

  /** Archives every read delivery that is not archived yet. */
  @Transactional(rollbackOn = Exception.class)
  public int archiveRead(String user) throws SQLException {
    return run(
        user,
        "inbox.archive-read",
        "update deliveries set archived_at = ? where recipient = ? and read_at is not null"
            + " and archived_at is null and deleted_at is null");
  }

  /** A bulk action on the whole inbox: no criteria beyond the statement's own. */
  private int run(String user, String action, String sql) throws SQLException {
    return run(user, action, sql, List.of(), Map.of(), null);
  }

  private int run(
      String user,
      String action,
      String sql,
      List<Object> parameters,
      Map<String, Object> criteria,
      String conversationId)
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
        Map<String, Object> details = new LinkedHashMap<>(criteria);
        details.put("updated", updated);
        audit.append(connection, action, user, null, conversationId, details);
      }
      return updated;
    }
  }
}
