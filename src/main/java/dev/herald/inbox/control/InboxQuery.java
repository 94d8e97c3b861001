package dev.herald.inbox.control;

import dev.herald.inbox.entity.InboxFilter;
import dev.herald.inbox.entity.InboxItem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JPQL of one inbox page for a filter. Only the conditions asked for are in the text (no "param
 * is null or" tricks), so PostgreSQL plans each shape on its own: the recipient's index in id order
 * (deliveries_recipient_id, or deliveries_recipient_conversation with a conversation), the states
 * filtered on the rows, since no index names them (see V4: bulk actions stay heap-only updates).
 */
final class InboxQuery {
  private static final String SELECT =
      "select new dev.herald.inbox.entity.InboxItem(d.id, m.id, d.conversationId, d.sender,"
          + " m.subject, m.body, d.createdAt, d.readAt, d.seenAt, d.archivedAt, d.snoozedUntil)"
          + " from Delivery d join d.message m"
          + " where d.recipient = :user and d.deletedAt is null and d.id < :before";

  private final StringBuilder jpql = new StringBuilder(SELECT);
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private InboxQuery() {}

  static TypedQuery<InboxItem> of(
      EntityManager em, String user, InboxFilter filter, long before, Instant now) {
    InboxQuery query = new InboxQuery();
    query.parameters.put("user", user);
    query.parameters.put("before", before);
    query.state("readAt", filter.read());
    query.state("seenAt", filter.seen());
    query.state("archivedAt", filter.archived());
    if (filter.snoozed()) {
      query.where("d.snoozedUntil > :now", "now", now);
    } else {
      query.where("(d.snoozedUntil is null or d.snoozedUntil <= :now)", "now", now);
    }
    query.where("d.conversationId = :conversationId", "conversationId", filter.conversationId());
    query.where("d.sender = :sender", "sender", filter.sender());
    query.where("d.createdAt > :createdAfter", "createdAfter", filter.createdAfter());
    query.where("d.createdAt < :createdBefore", "createdBefore", filter.createdBefore());
    query.jpql.append(" order by d.id desc");
    TypedQuery<InboxItem> typed = em.createQuery(query.jpql.toString(), InboxItem.class);
    query.parameters.forEach(typed::setParameter);
    return typed;
  }

  /** true: the column is set; false: it is not; null: either. */
  private void state(String attribute, Boolean set) {
    if (set != null) {
      jpql.append(" and d.").append(attribute).append(set ? " is not null" : " is null");
    }
  }

  private void where(String condition, String parameter, Object value) {
    if (value != null) {
      jpql.append(" and ").append(condition);
      parameters.put(parameter, value);
    }
  }
}
