package dev.herald.live.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.live.entity.LiveEntry;
import dev.herald.platform.JsonMapping;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON of a message or delivery event, as the message and the user's delivery are now: a
 * message event carries the inbox item ({@code GET /api/inbox}'s shape), a delivery event the
 * delivery's states. Null for an event with nothing left to show (a message the user deleted),
 * whose position is passed over.
 */
final class LiveJson {
  private LiveJson() {}

  /** Columns of {@link LiveReader}'s read from the fifth on: message, then delivery. */
  static String of(String kind, ResultSet row) throws SQLException {
    UUID messageId = row.getObject(5, UUID.class);
    boolean delivered = row.getBoolean(11);
    boolean deleted = row.getBoolean(16);
    if (messageId == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("messageId", messageId);
    json.put("conversationId", row.getString(6));
    if (kind.equals(LiveEntry.MESSAGE)) {
      if (deleted) {
        return null;
      }
      json.put("sender", row.getString(7));
      put(json, "subject", row.getString(8));
      json.put("body", row.getString(9));
      put(json, "createdAt", time(row, 10));
    } else if (deleted) {
      json.put("deleted", true);
      return write(json);
    }
    if (delivered) {
      put(json, "readAt", time(row, 12));
      put(json, "seenAt", time(row, 13));
      put(json, "archivedAt", time(row, 14));
      put(json, "snoozedUntil", time(row, 15));
    }
    return write(json);
  }

  static String write(Object value) {
    try {
      return JsonMapping.strict().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event data is plain values", e);
    }
  }

  private static void put(Map<String, Object> json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }

  private static String time(ResultSet row, int column) throws SQLException {
    OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant().toString();
  }
}
