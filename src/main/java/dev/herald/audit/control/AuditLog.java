package dev.herald.audit.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.platform.JsonMapping;
import dev.herald.platform.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends to audit_events inside the caller's transaction, so that a change and its audit row are
 * committed together or not at all. The table refuses updates and deletes.
 */
@ApplicationScoped
public class AuditLog {
  private static final String INSERT =
      "insert into audit_events (action, actor, message_id, conversation_id, details)"
          + " values (?, ?, ?, ?, ?::jsonb)";
  // ordered by chain (decision 0007: a transaction appends to its chains in chain order)
  private static final String INSERT_ALL =
      "insert into audit_events (action, actor, message_id, conversation_id, details)"
          + " select action, actor, message_id, conversation_id, details::jsonb"
          + " from unnest(?::varchar[], ?::varchar[], ?::uuid[], ?::varchar[], ?::text[])"
          + " with ordinality as e(action, actor, message_id, conversation_id, details, n)"
          + " order by herald_audit_default_chain(actor, conversation_id), n";

  /** One audit event; {@code details} may be empty. */
  public record Event(
      String action, String actor, UUID messageId, String conversationId, Map<String, ?> details) {}

  public void append(
      Connection connection,
      String action,
      String actor,
      UUID messageId,
      String conversationId,
      Map<String, ?> details)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, action);
      insert.setString(2, actor);
      insert.setObject(3, messageId, Types.OTHER);
      insert.setString(4, conversationId);
      insert.setString(5, json(details));
      insert.executeUpdate();
    }
  }

  /** Appends all events in one statement, in chain order. */
  public void appendAll(Connection connection, List<Event> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
      insert.setArray(1, SqlArrays.column(connection, "varchar", events, Event::action));
      insert.setArray(2, SqlArrays.column(connection, "varchar", events, Event::actor));
      insert.setArray(3, SqlArrays.column(connection, "uuid", events, Event::messageId));
      insert.setArray(4, SqlArrays.column(connection, "varchar", events, Event::conversationId));
      insert.setArray(5, SqlArrays.column(connection, "text", events, e -> json(e.details())));
      insert.executeUpdate();
    }
  }

  private static String json(Map<String, ?> details) {
    if (details == null || details.isEmpty()) {
      return null;
    }
    try {
      return JsonMapping.strict().writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit details must be plain values", e);
    }
  }
}
