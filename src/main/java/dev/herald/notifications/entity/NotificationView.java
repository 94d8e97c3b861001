package dev.herald.notifications.entity;

import java.time.Instant;
import java.util.UUID;

/** One alert as its recipient sees it in {@code GET /api/notifications}. */
public record NotificationView(
    UUID id,
    UUID messageId,
    String channel,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    String providerMessageId,
    UUID digestId,
    Instant createdAt,
    Instant sentAt) {}
