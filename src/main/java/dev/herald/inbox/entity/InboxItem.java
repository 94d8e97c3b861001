package dev.herald.inbox.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** One delivery in a user's inbox, with the recipient's states. */
public record InboxItem(
    @JsonIgnore long deliveryId,
    UUID messageId,
    String conversationId,
    String sender,
    String subject,
    String body,
    Instant createdAt,
    Instant readAt,
    Instant seenAt,
    Instant archivedAt,
    Instant snoozedUntil) {

  /** The same item, as seen at {@code at} if it had not been seen before. */
  public InboxItem seen(Instant at) {
    return seenAt != null
        ? this
        : new InboxItem(
            deliveryId,
            messageId,
            conversationId,
            sender,
            subject,
            body,
            createdAt,
            readAt,
            at,
            archivedAt,
            snoozedUntil);
  }
}
