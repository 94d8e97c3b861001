package dev.herald.conversations.control;

import dev.herald.inbox.entity.DeliveriesChanged;
import dev.herald.inbox.entity.DeliveryAction;
import dev.herald.platform.WriteOrder;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A recipient who deletes the last message of a conversation for themselves no longer sees it in
 * their chat list: in the deleting transaction, the entry moves back to the latest message they can
 * still see (or to none).
 */
@ApplicationScoped
public class DeletedMessages {
  private static final String REWIND =
      "update conversation_entries e set (last_message_id, last_message_seq) ="
          + " (select m.id, m.seq from messages m"
          + " where m.conversation_id = e.conversation_id"
          + " and (m.sender = e.user_name or exists (select 1 from deliveries d"
          + " where d.message_id = m.id and d.recipient = e.user_name and d.deleted_at is null))"
          + " order by m.seq desc limit 1)"
          + " where e.user_name = ? and e.last_message_id = ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  void rewind(@Observes @Priority(WriteOrder.CHAT_LIST) DeliveriesChanged changed)
      throws SQLException {
    if (changed.action() != DeliveryAction.DELETE) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(REWIND)) {
      for (UUID messageId : changed.messageIds()) {
        update.setString(1, changed.recipient());
        update.setObject(2, messageId);
        update.executeUpdate();
      }
    }
  }
}
