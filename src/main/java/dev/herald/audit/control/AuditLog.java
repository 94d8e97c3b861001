package dev.herald.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
  private final Jsonb jsonb = JsonbBuilder.create();

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
      insert.setString(5, details == null || details.isEmpty() ? null : jsonb.toJson(details));
      insert.executeUpdate();
    }
  }
}
