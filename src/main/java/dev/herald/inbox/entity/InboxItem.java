package dev.herald.inbox.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** One delivery in a user's inbox. */
public record InboxItem(
    @JsonIgnore long deliveryId,
    UUID messageId,
    String conversationId,
    String sender,
    String subject,
    String body,
    Instant createdAt,
    Instant readAt) {}
