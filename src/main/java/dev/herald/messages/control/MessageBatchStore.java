package dev.herald.messages.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.messages.entity.MessageEnvelope;
import dev.herald.messages.entity.RecordCoordinates;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores many messages in one transaction with one statement per table (arrays and unnest), so a
 * batch costs a few round trips however large it is. Same rules as one at a time: a message id the
 * API withdrew is dropped, a message stored before changes nothing, and the log order follows the
 * batch order (the order records arrived in, per partition).
 */
@ApplicationScoped
public class MessageBatchStore {
  /** One message to store and where it was read. */
  public record Item(MessageEnvelope message, RecordCoordinates at) {}

  private static final String CLAIM =
      "insert into send_outcomes (message_id, outcome) select id, 'stored'"
          + " from unnest(?::uuid[]) as t(id) on conflict (message_id) do nothing";
  private static final String WITHDRAWN =
      "select message_id from send_outcomes where message_id = any(?::uuid[])"
          + " and outcome = 'withdrawn'";
  private static final String MESSAGES =
      "insert into messages (id, conversation_id, sender, subject, body, created_at, kafka_topic,"
          + " kafka_partition, kafka_offset)"
          + " select id, conversation_id, sender, subject, body, created_at::timestamptz, topic,"
          + " part, off from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],"
          + " ?::text[], ?::varchar[], ?::int[], ?::bigint[]) with ordinality"
          + " as t(id, conversation_id, sender, subject, body, created_at, topic, part, off, n)"
          + " order by n on conflict (id) do nothing returning id";
  private static final String DELIVERIES =
      "insert into deliveries (message_id, recipient, conversation_id, sender, created_at)"
          + " select id, recipient, conversation_id, sender, created_at::timestamptz"
          + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[])"
          + " as t(id, recipient, conversation_id, sender, created_at) on conflict do nothing";
  // The outbox: one alert per delivery and channel the recipient enabled (log without preferences);
  // a muted conversation's alerts are written as skipped, so the user can see why none came.
  private static final String NOTIFICATIONS =
      "insert into notifications (message_id, recipient, conversation_id, channel, status,"
          + " last_error)"
          + " select t.id, t.recipient, t.conversation_id, c.channel,"
          + " case when m.muted then 'skipped' else 'pending' end,"
          + " case when m.muted then 'conversation muted' end"
          + " from unnest(?::uuid[], ?::varchar[], ?::varchar[]) as t(id, recipient, conversation_id)"
          + " left join notification_preferences p on p.user_name = t.recipient"
          + " cross join lateral unnest(coalesce(p.channels, array['log']::varchar[])) as c(channel)"
          + " cross join lateral (select coalesce(t.conversation_id = any(p.muted_conversations),"
          + " false) as muted) as m"
          + " on conflict do nothing";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  /** Returns how many messages were new. */
  @Transactional(rollbackOn = Exception.class)
  public int store(List<Item> items) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      BatchColumns batch = new BatchColumns(connection, firstOfEachId(items));
      update(connection, CLAIM, batch.ids());
      Set<UUID> withdrawn = query(connection, WITHDRAWN, batch.ids());
      BatchColumns kept = new BatchColumns(connection, batch.without(withdrawn));
      if (kept.isEmpty()) {
        return 0;
      }
      Set<UUID> inserted = query(connection, MESSAGES, kept.messageColumns());
      BatchColumns stored = new BatchColumns(connection, kept.only(inserted));
      Array[] deliveries = stored.deliveryColumns();
      update(connection, DELIVERIES, deliveries);
      update(connection, NOTIFICATIONS, deliveries[0], deliveries[1], deliveries[2]);
      audit.appendAll(connection, stored.auditEvents());
      return inserted.size();
    }
  }

  /**
   * A record the producer sent twice can arrive twice in one batch (fetches of many records make it
   * likely): the message insert keeps one copy, but both would go on to the audit insert, which has
   * no key to conflict on.
   */
  private static List<Item> firstOfEachId(List<Item> items) {
    Map<UUID, Item> first = new LinkedHashMap<>();
    items.forEach(item -> first.putIfAbsent(item.message().id(), item));
    return List.copyOf(first.values());
  }

  private static void update(Connection connection, String sql, Array... arrays)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, arrays)) {
      statement.executeUpdate();
    }
  }

  private static Set<UUID> query(Connection connection, String sql, Array... arrays)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, arrays);
        ResultSet rows = statement.executeQuery()) {
      Set<UUID> ids = new HashSet<>();
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
      return ids;
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Array... arrays)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < arrays.length; i++) {
      statement.setArray(i + 1, arrays[i]);
    }
    return statement;
  }
}
