package dev.herald.messages.entity;

import java.time.Instant;

/**
 * An auditor read another user's messages: {@code view} is {@code history} or {@code search}
 * ({@code query} then holds the search text). Fired before the messages are read, so that no page
 * of them leaves the server without its audit row.
 */
public record OtherUsersMessagesRead(
    String auditor,
    String user,
    String view,
    String query,
    String with,
    String conversationId,
    Instant after,
    Instant before) {}
