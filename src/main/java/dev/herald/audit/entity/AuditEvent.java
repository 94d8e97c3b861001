package dev.herald.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One line of the append-only audit trail: what happened, to which message, by whom, when. */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEvent {
  @Id Long id;
  Instant occurredAt;
  String action;
  String actor;
  UUID messageId;
  String conversationId;

  @Column(columnDefinition = "jsonb")
  String details;

  public String action() {
    return action;
  }

  public String actor() {
    return actor;
  }

  public UUID messageId() {
    return messageId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }
}
