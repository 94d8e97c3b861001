package dev.herald.inbox.control;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Puts stored messages into their recipients' inboxes, in the storing transaction: one delivery per
 * recipient, in log order, and the counters of the new deliveries (all unread and unseen) added to
 * inbox_counts per recipient and conversation in one upsert, in key order so that concurrent
 * writers cannot deadlock.
 */
@ApplicationScoped
public class NewDeliveries {
  private static final String DELIVERIES =
      "insert into deliveries (message_id, recipient, conversation_id, sender, created_at)"
          + " select id, recipient, conversation_id, sender, created_at::timestamptz"
          + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[])"
          + " with ordinality as t(id, recipient, conversation_id, sender, created_at, n)"
          + " order by n";
  private static final String COUNTS =
      "insert into inbox_counts as c (recipient, conversation_id, total, unread, unseen)"
          + " select recipient, conversation_id, n, n, n"
          + " from unnest(?::varchar[], ?::varchar[], ?::int8[]) as t(recipient, conversation_id, n)"
          + " order by recipient, conversation_id"
          + " on conflict (recipient, conversation_id) do update"
          + " set total = c.total + excluded.total, unread = c.unread + excluded.unread,"
          + " unseen = c.unseen + excluded.unseen";

  private record Delivery(NewMessage message, String recipient) {}

  private record Counter(String recipient, String conversationId) {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  void deliver(@Observes @Priority(WriteOrder.DELIVERIES) MessagesStored stored)
      throws SQLException {
    List<Delivery> deliveries = new ArrayList<>();
    Map<Counter, Long> counts = new HashMap<>();
    for (NewMessage message : stored.messages()) {
      for (String recipient : message.recipients()) {
        deliveries.add(new Delivery(message, recipient));
        counts.merge(new Counter(recipient, message.conversationId()), 1L, Long::sum);
      }
    }
    try (Connection connection = dataSource.getConnection()) {
      insert(connection, deliveries);
      count(connection, counts);
    }
  }

  private static void insert(Connection connection, List<Delivery> deliveries) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(DELIVERIES)) {
      insert.setArray(1, SqlArrays.column(connection, "uuid", deliveries, d -> d.message().id()));
      insert.setArray(2, SqlArrays.column(connection, "varchar", deliveries, Delivery::recipient));
      insert.setArray(
          3,
          SqlArrays.column(connection, "varchar", deliveries, d -> d.message().conversationId()));
      insert.setArray(
          4, SqlArrays.column(connection, "varchar", deliveries, d -> d.message().sender()));
      insert.setArray(
          5,
          SqlArrays.column(
              connection, "text", deliveries, d -> d.message().acceptedAt().toString()));
      insert.executeUpdate();
    }
  }

  /** The statement sorts the rows (by the database's collation): the map's order is irrelevant. */
  private static void count(Connection connection, Map<Counter, Long> counts) throws SQLException {
    List<Map.Entry<Counter, Long>> rows = List.copyOf(counts.entrySet());
    try (PreparedStatement upsert = connection.prepareStatement(COUNTS)) {
      upsert.setArray(
          1, SqlArrays.column(connection, "varchar", rows, r -> r.getKey().recipient()));
      upsert.setArray(
          2, SqlArrays.column(connection, "varchar", rows, r -> r.getKey().conversationId()));
      upsert.setArray(3, SqlArrays.column(connection, "int8", rows, Map.Entry::getValue));
      upsert.executeUpdate();
    }
  }
}
