package dev.herald.inbox.entity;

import dev.herald.messages.entity.StoredMessage;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message delivered to one recipient: the recipient's inbox entry. It copies the message's
 * conversation, sender and time (to filter without the log); the recipient's states are the only
 * columns that change. Changes go through set-based SQL (inbox.control), never through JPA.
 */
@Entity
@Table(name = "deliveries")
@NamedQuery(
    name = "Delivery.recipientsOf",
    query = "select d.recipient from Delivery d where d.message.id = :id order by d.id")
public class Delivery {
  @Id Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "message_id")
  StoredMessage message;

  String recipient;
  String conversationId;
  String sender;
  Instant createdAt;
  Instant readAt;
  Instant seenAt;
  Instant archivedAt;
  Instant snoozedUntil;
  Instant deletedAt;

  public Long id() {
    return id;
  }

  public StoredMessage message() {
    return message;
  }

  public String recipient() {
    return recipient;
  }

  public Instant readAt() {
    return readAt;
  }

  public Instant deletedAt() {
    return deletedAt;
  }
}
