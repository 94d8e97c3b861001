package dev.herald.deadletters.entity;

/**
 * An admin re-drove a dead letter and Herald signed it with {@code keyId}: from now on the record
 * is trusted on that admin's word. Fired synchronously inside the re-drive's settling transaction.
 */
public record DeadLetterResigned(long deadLetter, String admin, String keyId) {}
