package dev.herald.conversations.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** One message in a conversation's history. */
public record HistoryItem(
    @JsonIgnore long seq, UUID id, String sender, String subject, String body, Instant createdAt) {}
