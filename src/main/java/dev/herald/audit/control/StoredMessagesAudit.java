package dev.herald.audit.control;

import dev.herald.platform.WriteOrder;
import dev.herald.storing.entity.MessagesStored;
import dev.herald.storing.entity.MessagesStored.NewMessage;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One audit event per stored message, message.stored, in the storing transaction: the recipients,
 * the Kafka coordinates and when the API accepted it. Each partition has its own hash chain, which
 * only the consumer of that partition writes; AuditLog appends the batch in one call, locking the
 * batch's partition heads once, in chain order.
 */
@ApplicationScoped
public class StoredMessagesAudit {
  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  void append(@Observes @Priority(WriteOrder.AUDIT) MessagesStored stored) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      audit.appendAll(
          connection, stored.messages().stream().map(StoredMessagesAudit::event).toList());
    }
  }

  private static AuditLog.Event event(NewMessage message) {
    return new AuditLog.Event(
        "message.stored",
        message.sender(),
        message.id(),
        message.conversationId(),
        Map.of(
            "recipients",
            message.recipients(),
            "partition",
            message.at().partition(),
            "offset",
            message.at().offset(),
            "acceptedAt",
            message.acceptedAt().toString()),
        "partition:" + message.at().partition());
  }
}
