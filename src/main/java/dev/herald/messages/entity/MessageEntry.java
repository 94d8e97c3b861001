package dev.herald.messages.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/** A message in a user's history or search results; seq and rank only place it for cursors. */
public record MessageEntry(
    @JsonIgnore long seq,
    @JsonIgnore float rank,
    UUID id,
    String conversationId,
    String sender,
    String subject,
    String body,
    Instant createdAt) {}
