package dev.herald.inbox.entity;

import java.time.Instant;

/**
 * A bulk action changed many of one recipient's deliveries at once ({@code read-all}, {@code
 * seen-all}, {@code archive-read}), fired inside its transaction with the action's criteria.
 */
public record InboxChanged(
    String recipient, String action, String conversationId, Instant before, int updated) {}
