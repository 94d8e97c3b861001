package dev.herald.messages.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Whose messages (sent, or delivered and not deleted for them) and which of them: with another
 * user, in a conversation, within a time range. Queries read it as two halves, each with its own
 * index: what the user sent (messages by sender) and what they received (deliveries by recipient).
 */
public record MessageFilter(
    String user, String with, String conversationId, Instant after, Instant before) {

  /** Conditions on {@code m}, the messages the user sent. */
  void sent(StringBuilder sql, List<Object> parameters) {
    sql.append(" m.sender = ?");
    parameters.add(user);
    condition(
        sql,
        parameters,
        " and exists (select 1 from deliveries w where w.message_id = m.id and w.recipient = ?)",
        with);
    condition(sql, parameters, " and m.conversation_id = ?", conversationId);
    condition(sql, parameters, " and m.created_at > ?", utc(after));
    condition(sql, parameters, " and m.created_at < ?", utc(before));
  }

  /** Conditions on {@code d}, the deliveries to the user (of messages others sent). */
  void received(StringBuilder sql, List<Object> parameters) {
    sql.append(" d.recipient = ? and d.deleted_at is null and d.sender <> ?");
    parameters.add(user);
    parameters.add(user);
    condition(sql, parameters, " and d.sender = ?", with);
    condition(sql, parameters, " and d.conversation_id = ?", conversationId);
    condition(sql, parameters, " and d.created_at > ?", utc(after));
    condition(sql, parameters, " and d.created_at < ?", utc(before));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static void condition(
      StringBuilder sql, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      sql.append(condition);
      parameters.add(value);
    }
  }
}
