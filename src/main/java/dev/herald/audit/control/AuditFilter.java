package dev.herald.audit.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** What an auditor narrows the audit log to; null parts do not filter. */
public record AuditFilter(
    UUID messageId, String conversationId, String actor, Instant after, Instant before) {

  /** Appends this filter's conditions and their parameters. */
  void where(StringBuilder sql, List<Object> parameters) {
    condition(sql, parameters, " and message_id = ?", messageId);
    condition(sql, parameters, " and conversation_id = ?", conversationId);
    condition(sql, parameters, " and actor = ?", actor);
    condition(sql, parameters, " and occurred_at > ?", utc(after));
    condition(sql, parameters, " and occurred_at < ?", utc(before));
  }

  /** Whether it bounds the time, which only the BRIN index on occurred_at serves. */
  boolean timed() {
    return after != null || before != null;
  }

  private static void condition(
      StringBuilder sql, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      sql.append(condition);
      parameters.add(value);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
