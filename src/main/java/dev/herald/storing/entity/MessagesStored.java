package dev.herald.storing.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch of messages newly stored in one transaction, fired synchronously inside it: observers
 * that must commit with the messages (deliveries, the chat list, the alert outbox, the live event
 * log, the audit trail) write their own rows in the same transaction, in the order of their
 * {@code @Priority} ({@link dev.herald.platform.WriteOrder}). Messages are in log order (their
 * {@code seq}).
 */
public record MessagesStored(List<NewMessage> messages) {

  /**
   * One message as stored: the envelope's facts, its log position, where Kafka had it, and the W3C
   * traceparent of its store span (null when tracing is off), for what continues its trace.
   */
  public record NewMessage(
      UUID id,
      long seq,
      String conversationId,
      String sender,
      String subject,
      String body,
      Instant acceptedAt,
      List<String> recipients,
      RecordCoordinates at,
      String traceparent) {}
}
