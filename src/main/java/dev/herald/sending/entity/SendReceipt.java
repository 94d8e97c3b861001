package dev.herald.sending.entity;

import java.time.Instant;
import java.util.UUID;

/** The 202 answer to a send: the broker has the message; the consumer will store it. */
public record SendReceipt(UUID id, String conversationId, Instant acceptedAt) {}
