package dev.herald.conversations.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Puts a conversation into users' chat lists (conversation_entries) as active now, so a group shows
 * up before its first message. The deliveries trigger keeps the entries of messages; this never
 * touches their last message. Rows are upserted in key order, as the trigger does, so the two
 * cannot deadlock.
 */
final class ChatEntries {
  private static final String TOUCH =
      "insert into conversation_entries as e (user_name, conversation_id, last_activity_at)"
          + " select u, ?, now() from unnest(?::varchar[]) as u order by u"
          + " on conflict (user_name, conversation_id) do update"
          + " set last_activity_at = greatest(e.last_activity_at, excluded.last_activity_at)";

  private ChatEntries() {}

  static void touch(Connection connection, String conversationId, Collection<String> users)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(TOUCH)) {
      upsert.setString(1, conversationId);
      upsert.setArray(2, connection.createArrayOf("varchar", users.toArray()));
      upsert.executeUpdate();
    }
  }
}
