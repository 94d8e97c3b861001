package dev.herald.notifications.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification a dispatcher holds a lease on, with what deciding and sending it needs: the
 * message, whether its delivery was read, the recipient's current preferences, whether the
 * channel's address was confirmed (always for the log), and the W3C traceparent of the stored
 * message (null when not traced) that its send continues.
 */
public record Claimed(
    UUID id,
    String recipient,
    String channel,
    int attempts,
    Instant createdAt,
    Instant lease,
    Alert.Item item,
    boolean read,
    Preferences preferences,
    boolean addressVerified,
    String traceParent) {}
