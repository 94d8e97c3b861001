package dev.herald.storing.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch of messages newly stored in one transaction, fired synchronously inside it: observers
 * that must commit with the messages (deliveries, the chat list, the alert outbox, the live event
 * log, the audit trail) write their own rows in the same transaction, in the order of their
 * {@code @Priority} ({@link Order}). Messages are in log order (their {@code seq}).
 */
public record MessagesStored(List<NewMessage> messages) {

  /** One message as stored: the envelope's facts, its log position and where Kafka had it. */
  public record NewMessage(
      UUID id,
      long seq,
      String conversationId,
      String sender,
      String subject,
      String body,
      Instant acceptedAt,
      List<String> recipients,
      RecordCoordinates at) {}

  /**
   * The order observers write in: deliveries first (what alerts and the live log refer to), the
   * audit trail last. One place, so the order is read in one place.
   */
  public static final class Order {
    public static final int DELIVERIES = 100;
    public static final int CHAT_LIST = 200;
    public static final int ALERTS = 300;
    public static final int LIVE = 400;
    public static final int AUDIT = 500;

    private Order() {}
  }
}
