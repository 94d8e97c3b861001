package dev.herald.conversations.control;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Moves the chat-list entries of everyone who sent or received a stored message to the latest
 * message of the batch in that conversation, in the storing transaction: one upsert for the batch,
 * in key order as {@link ChatEntries} does, so the two cannot deadlock. An entry never moves back
 * to an older message (a batch of another partition may commit later).
 */
@ApplicationScoped
public class LatestMessages {
  private static final String UPSERT =
      "insert into conversation_entries as e (user_name, conversation_id, last_message_id,"
          + " last_message_seq, last_activity_at)"
          + " select user_name, conversation_id, id, seq, at::timestamptz"
          + " from unnest(?::varchar[], ?::varchar[], ?::uuid[], ?::int8[], ?::text[])"
          + " as t(user_name, conversation_id, id, seq, at)"
          + " order by user_name, conversation_id"
          + " on conflict (user_name, conversation_id) do update"
          + " set last_message_id = excluded.last_message_id,"
          + " last_message_seq = excluded.last_message_seq,"
          + " last_activity_at = greatest(e.last_activity_at, excluded.last_activity_at)"
          + " where e.last_message_seq is null or e.last_message_seq < excluded.last_message_seq";

  private record Entry(String user, String conversationId) {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  void move(@Observes @Priority(WriteOrder.CHAT_LIST) MessagesStored stored) throws SQLException {
    Map<Entry, NewMessage> latest = new HashMap<>();
    for (NewMessage message : stored.messages()) {
      // messages come in log order: a later one replaces an earlier one of the same entry
      latest.put(new Entry(message.sender(), message.conversationId()), message);
      for (String recipient : message.recipients()) {
        latest.put(new Entry(recipient, message.conversationId()), message);
      }
    }
    List<Map.Entry<Entry, NewMessage>> rows = List.copyOf(latest.entrySet());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setArray(1, SqlArrays.column(connection, "varchar", rows, r -> r.getKey().user()));
      upsert.setArray(
          2, SqlArrays.column(connection, "varchar", rows, r -> r.getKey().conversationId()));
      upsert.setArray(3, SqlArrays.column(connection, "uuid", rows, r -> r.getValue().id()));
      upsert.setArray(4, SqlArrays.column(connection, "int8", rows, r -> r.getValue().seq()));
      upsert.setArray(
          5, SqlArrays.column(connection, "text", rows, r -> r.getValue().acceptedAt().toString()));
      upsert.executeUpdate();
    }
  }
}
