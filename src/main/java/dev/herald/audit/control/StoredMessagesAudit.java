package dev.herald.audit.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.platform.JsonMapping;
import dev.herald.platform.SqlArrays;
import dev.herald.platform.WriteOrder;
import dev.herald.storing.entity.MessagesStored;
import dev.herald.storing.entity.MessagesStored.NewMessage;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One audit event per stored message, message.stored, in the storing transaction: the recipients,
 * the Kafka coordinates and when the API accepted it. Each partition has its own hash chain; rows
 * are appended in chain order, so concurrent batches lock chain heads in one order and cannot
 * deadlock.
 */
@ApplicationScoped
public class StoredMessagesAudit {
  private static final String INSERT =
      "insert into audit_events (chain, occurred_at, action, actor, message_id, conversation_id,"
          + " details)"
          + " select 'partition:' || part, now(), 'message.stored', actor, id, conversation_id,"
          + " details::jsonb"
          + " from unnest(?::varchar[], ?::uuid[], ?::varchar[], ?::text[], ?::int[])"
          + " with ordinality as t(actor, id, conversation_id, details, part, n)"
          + " order by 'partition:' || part, n";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  void append(@Observes @Priority(WriteOrder.AUDIT) MessagesStored stored) throws SQLException {
    List<NewMessage> messages = stored.messages();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setArray(1, SqlArrays.column(connection, "varchar", messages, NewMessage::sender));
      insert.setArray(2, SqlArrays.column(connection, "uuid", messages, NewMessage::id));
      insert.setArray(
          3, SqlArrays.column(connection, "varchar", messages, NewMessage::conversationId));
      insert.setArray(
          4, SqlArrays.column(connection, "text", messages, StoredMessagesAudit::details));
      insert.setArray(5, SqlArrays.column(connection, "int4", messages, m -> m.at().partition()));
      insert.executeUpdate();
    }
  }

  private static String details(NewMessage message) {
    try {
      return JsonMapping.strict()
          .writeValueAsString(
              Map.of(
                  "recipients",
                  message.recipients(),
                  "partition",
                  message.at().partition(),
                  "offset",
                  message.at().offset(),
                  "acceptedAt",
                  message.acceptedAt().toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values are always writable", e);
    }
  }
}
