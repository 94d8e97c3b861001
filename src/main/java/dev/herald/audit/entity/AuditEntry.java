package dev.herald.audit.entity;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/** One audit event as auditors read it, with its place in its hash chain. */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String action,
    String actor,
    UUID messageId,
    String conversationId,
    @JsonRawValue String details,
    String chain,
    long chainSeq,
    String hash) {}
