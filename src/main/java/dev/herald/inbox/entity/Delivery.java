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

/** One message delivered to one recipient; the only part of the log that changes is read_at. */
@Entity
@Table(name = "deliveries")
@NamedQuery(
    name = "Delivery.recipientsOf",
    query = "select d.recipient from Delivery d where d.message.id = :id order by d.id")
@NamedQuery(
    name = "Delivery.inbox",
    query = Delivery.INBOX_ITEM + " and d.id < :before order by d.id desc")
@NamedQuery(
    name = "Delivery.inboxUnread",
    query = Delivery.INBOX_ITEM + " and d.id < :before and d.readAt is null order by d.id desc")
public class Delivery {
  static final String INBOX_ITEM =
      "select new dev.herald.inbox.entity.InboxItem(d.id, m.id, m.conversationId, m.sender,"
          + " m.subject, m.body, m.createdAt, d.readAt) from Delivery d join d.message m"
          + " where d.recipient = :user";

  @Id Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "message_id")
  StoredMessage message;

  String recipient;
  Instant readAt;

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
}
