package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Claimed;
import dev.herald.platform.SqlArrays;
import dev.herald.platform.WriteOrder;
import dev.herald.storing.entity.MessagesStored;
import dev.herald.storing.entity.MessagesStored.NewMessage;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the alerts of stored messages into the outbox, in the storing transaction, so an alert is
 * never lost: one per delivery and channel the recipient enabled (log without preferences). A muted
 * conversation's alerts are written as skipped, so the user can see why none came. Log alerts that
 * can go out at once (no quiet hours) are written already leased to this instance and handed to
 * {@link LogAlerts}, which writes them right after the commit; if it never does (a crash), the
 * lease runs out and the dispatcher sends them.
 */
@ApplicationScoped
public class NewAlerts {
  private static final String INSERT =
      "insert into notifications (message_id, recipient, conversation_id, channel, status,"
          + " last_error, claimed_until, next_attempt_at, trace_parent)"
          + " select t.id, t.recipient, t.conversation_id, c.channel,"
          + " case when m.muted then 'skipped' else 'pending' end,"
          + " case when m.muted then 'conversation muted' end,"
          + " case when f.now then now() + make_interval(secs => ?) end,"
          + " case when f.now then now() + make_interval(secs => ?) else now() end, t.trace_parent"
          + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[])"
          + " as t(id, recipient, conversation_id, trace_parent)"
          + " left join notification_preferences p on p.user_name = t.recipient"
          + " cross join lateral unnest(coalesce(p.channels, array['log']::varchar[])) as c(channel)"
          + " cross join lateral (select coalesce(t.conversation_id = any(p.muted_conversations),"
          + " false) as muted) as m"
          + " cross join lateral (select c.channel = 'log' and not m.muted"
          + " and p.quiet_start is null as now) as f"
          + " returning id, message_id, recipient, created_at, claimed_until";

  private record Recipient(NewMessage message, String name) {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject LogAlerts logAlerts;

  @Inject
  @ConfigProperty(name = "herald.notifications.lease-seconds", defaultValue = "60")
  long leaseSeconds;

  void write(@Observes @Priority(WriteOrder.ALERTS) MessagesStored stored) throws SQLException {
    List<Recipient> recipients = new ArrayList<>();
    Map<UUID, NewMessage> messages = new HashMap<>();
    for (NewMessage message : stored.messages()) {
      messages.put(message.id(), message);
      message.recipients().forEach(r -> recipients.add(new Recipient(message, r)));
    }
    List<Claimed> now = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setLong(1, leaseSeconds);
      insert.setLong(2, leaseSeconds);
      insert.setArray(3, SqlArrays.column(connection, "uuid", recipients, r -> r.message().id()));
      insert.setArray(4, SqlArrays.column(connection, "varchar", recipients, Recipient::name));
      insert.setArray(
          5,
          SqlArrays.column(connection, "varchar", recipients, r -> r.message().conversationId()));
      insert.setArray(
          6, SqlArrays.column(connection, "varchar", recipients, r -> r.message().traceparent()));
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          if (rows.getObject(5) != null) {
            now.add(leased(rows, messages.get(rows.getObject(2, UUID.class))));
          }
        }
      }
    }
    logAlerts.afterCommit(now);
  }

  private static Claimed leased(ResultSet row, NewMessage message) throws SQLException {
    return new Claimed(
        row.getObject(1, UUID.class),
        row.getString(3),
        LogChannel.NAME,
        0,
        row.getObject(4, OffsetDateTime.class).toInstant(),
        row.getObject(5, OffsetDateTime.class).toInstant(),
        new Alert.Item(
            message.id(),
            message.conversationId(),
            message.sender(),
            message.subject(),
            message.body(),
            message.acceptedAt()),
        false,
        null,
        true,
        message.traceparent());
  }
}
