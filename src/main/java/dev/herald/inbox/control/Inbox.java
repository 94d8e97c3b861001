package dev.herald.inbox.control;

import dev.herald.audit.control.AuditChains;
import dev.herald.audit.control.AuditLog;
import dev.herald.inbox.entity.DeliveriesChanged;
import dev.herald.inbox.entity.DeliveryAction;
import dev.herald.inbox.entity.InboxFilter;
import dev.herald.inbox.entity.InboxItem;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
import dev.herald.platform.QueryTimeout;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A user's deliveries, newest first, with keyset cursors on the delivery id. Listing an item is
 * seeing it: the page's unseen deliveries are marked seen, with one delivery.seen audit row each,
 * in one update and one audit append for the whole page.
 */
@ApplicationScoped
public class Inbox {
  static final String CURSOR_KIND = "inbox";

  /** One set-based update for the page; its audit rows follow in one append. */
  private static final String SEE =
      "update deliveries set seen_at = ? where id = any(?) and seen_at is null"
          + " and deleted_at is null returning message_id, conversation_id";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject Clock clock;
  @Inject QueryTimeout timeout;
  @Inject AuditLog audit;
  @Inject Event<DeliveriesChanged> changed;

  @Transactional(rollbackOn = Exception.class)
  public Page<InboxItem> page(String user, InboxFilter filter, int limit, String cursor)
      throws SQLException {
    long before = Cursors.decode(CURSOR_KIND, cursor, "cursor").orElse(Long.MAX_VALUE);
    Instant now = clock.instant();
    List<InboxItem> items =
        timeout
            .bound(InboxQuery.of(em, user, filter, before, now))
            .setMaxResults(limit + 1)
            .getResultList();
    List<InboxItem> page = items.size() <= limit ? items : items.subList(0, limit);
    Set<UUID> seen = markSeen(user, page, now);
    List<InboxItem> shown =
        page.stream().map(i -> seen.contains(i.messageId()) ? i.seen(now) : i).toList();
    String next =
        items.size() <= limit
            ? null
            : Cursors.encode(CURSOR_KIND, page.get(limit - 1).deliveryId());
    return new Page<>(shown, next);
  }

  private Set<UUID> markSeen(String user, List<InboxItem> page, Instant now) throws SQLException {
    Long[] unseen =
        page.stream()
            .filter(i -> i.seenAt() == null)
            .map(InboxItem::deliveryId)
            .toArray(Long[]::new);
    Set<UUID> seen = new HashSet<>();
    if (unseen.length == 0) {
      return seen;
    }
    List<AuditLog.Event> events = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement see = connection.prepareStatement(SEE)) {
        see.setObject(1, now.atOffset(ZoneOffset.UTC));
        see.setArray(2, connection.createArrayOf("bigint", unseen));
        try (ResultSet rows = see.executeQuery()) {
          while (rows.next()) {
            UUID messageId = rows.getObject(1, UUID.class);
            seen.add(messageId);
            events.add(seenEvent(user, messageId, rows.getString(2)));
          }
        }
      }
      audit.appendAll(connection, events);
    }
    if (!seen.isEmpty()) {
      changed.fire(new DeliveriesChanged(user, DeliveryAction.SEEN, List.copyOf(seen)));
    }
    return seen;
  }

  /**
   * One chain, the reader's bucket, for the whole page: a page's audit rows then lock one chain
   * head, not one per conversation on it.
   */
  private static AuditLog.Event seenEvent(String user, UUID messageId, String conversationId) {
    return new AuditLog.Event(
        "delivery.seen", user, messageId, conversationId, null, AuditChains.bucket(user));
  }
}
