package dev.herald.audit.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.platform.JsonMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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
      insert.setString(5, details == null || details.isEmpty() ? null : json(details));
      insert.executeUpdate();
    }
  }

  private static String json(Map<String, ?> details) {
    try {
      return JsonMapping.strict().writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit details must be plain values", e);
    }
  }
}
