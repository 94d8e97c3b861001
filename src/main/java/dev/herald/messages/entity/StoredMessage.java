package dev.herald.messages.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A message as stored: immutable (the database refuses updates and deletes too), with the Kafka
 * coordinates it was read from. {@code seq} orders the log.
 */
@Entity
@Immutable
@Table(name = "messages")
@NamedQuery(
    name = "StoredMessage.findVisible",
    query =
        "select m from StoredMessage m where m.id = :id and (m.sender = :user or exists"
            + " (select 1 from Delivery d where d.message = m and d.recipient = :user))")
public class StoredMessage {
  @Id UUID id;

  @Column(insertable = false, updatable = false)
  long seq;

  String conversationId;
  String sender;
  String subject;
  String body;
  Instant createdAt;
  String kafkaTopic;
  int kafkaPartition;
  long kafkaOffset;
  Instant storedAt;

  public UUID id() {
    return id;
  }

  public long seq() {
    return seq;
  }

  public String conversationId() {
    return conversationId;
  }

  public String sender() {
    return sender;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant storedAt() {
    return storedAt;
  }
}
