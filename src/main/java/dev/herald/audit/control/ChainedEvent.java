package dev.herald.audit.control;

import java.util.UUID;

/**
 * What hash format 2 covers of an audit event: its place in its chain and its columns, the time in
 * microseconds since the epoch (as PostgreSQL stores it) and the details as canonical JSON text.
 */
record ChainedEvent(
    String chain,
    long seq,
    long occurredAtMicros,
    String action,
    String actor,
    UUID messageId,
    String conversationId,
    String details) {}
