package dev.herald.notifications.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one channel sends to one user: one message, or several in a digest. The notification id is
 * carried in every outgoing alert, so a receiver can drop a repeat (sending is at least once).
 */
public record Alert(UUID notificationId, String recipient, String address, List<Item> items) {

  /** One message the alert is about. */
  public record Item(
      UUID messageId,
      String conversationId,
      String sender,
      String subject,
      String body,
      Instant createdAt) {}

  public Item first() {
    return items.get(0);
  }

  public boolean isDigest() {
    return items.size() > 1;
  }
}
