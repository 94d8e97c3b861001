package dev.herald.deadletters.entity;

import java.time.Instant;

/**
 * A dead letter as admins see it. The value is shown in full only on the single-record view ({@code
 * value}, base64); lists carry its size and a UTF-8 preview.
 */
public record DeadLetterView(
    long id,
    String topic,
    int partition,
    long offset,
    String reason,
    String error,
    Instant rejectedAt,
    String status,
    Instant resolvedAt,
    String resolvedBy,
    String resolution,
    String keyBase64,
    int valueBytes,
    String valuePreview,
    String valueBase64) {}
