package dev.herald.conversations.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import java.util.UUID;

/** One message in a conversation's history. */
public record HistoryItem(
    @JsonbTransient long seq,
    UUID id,
    String sender,
    String subject,
    String body,
    Instant createdAt) {}
