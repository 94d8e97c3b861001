package dev.herald.notifications.control;

import dev.herald.platform.SqlArrays;
import dev.herald.storing.entity.MessagesStored;
import dev.herald.storing.entity.MessagesStored.NewMessage;
import dev.herald.storing.entity.MessagesStored.Order;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes the alerts of stored messages into the outbox, in the storing transaction, so an alert is
 * never lost: one per delivery and channel the recipient enabled (log without preferences). A muted
 * conversation's alerts are written as skipped, so the user can see why none came.
 */
@ApplicationScoped
public class NewAlerts {
  private static final String INSERT =
      "insert into notifications (message_id, recipient, conversation_id, channel, status,"
          + " last_error)"
          + " select t.id, t.recipient, t.conversation_id, c.channel,"
          + " case when m.muted then 'skipped' else 'pending' end,"
          + " case when m.muted then 'conversation muted' end"
          + " from unnest(?::uuid[], ?::varchar[], ?::varchar[]) as t(id, recipient, conversation_id)"
          + " left join notification_preferences p on p.user_name = t.recipient"
          + " cross join lateral unnest(coalesce(p.channels, array['log']::varchar[])) as c(channel)"
          + " cross join lateral (select coalesce(t.conversation_id = any(p.muted_conversations),"
          + " false) as muted) as m";

  private record Recipient(NewMessage message, String name) {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  void write(@Observes @Priority(Order.ALERTS) MessagesStored stored) throws SQLException {
    List<Recipient> recipients = new ArrayList<>();
    stored
        .messages()
        .forEach(m -> m.recipients().forEach(r -> recipients.add(new Recipient(m, r))));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setArray(1, SqlArrays.column(connection, "uuid", recipients, r -> r.message().id()));
      insert.setArray(2, SqlArrays.column(connection, "varchar", recipients, Recipient::name));
      insert.setArray(
          3,
          SqlArrays.column(connection, "varchar", recipients, r -> r.message().conversationId()));
      insert.executeUpdate();
    }
  }
}
