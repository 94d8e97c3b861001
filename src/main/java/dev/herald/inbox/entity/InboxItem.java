package dev.herald.inbox.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import java.util.UUID;

/** One delivery in a user's inbox. */
public record InboxItem(
    @JsonbTransient long deliveryId,
    UUID messageId,
    String conversationId,
    String sender,
    String subject,
    String body,
    Instant createdAt,
    Instant readAt) {}
