package dev.herald.inbox.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.inbox.entity.InboxItem;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
import dev.herald.platform.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A user's deliveries, newest first, and their read state. */
@ApplicationScoped
public class Inbox {
  static final String CURSOR_KIND = "inbox";
  private static final String MARK =
      "update deliveries set read_at = %s where message_id = ? and recipient = ? and read_at is %s"
          + " returning (select conversation_id from messages where id = message_id)";
  private static final String EXISTS =
      "select 1 from deliveries where message_id = ? and recipient = ?";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  public Page<InboxItem> page(String user, boolean unreadOnly, int limit, String cursor) {
    long before = Cursors.decode(CURSOR_KIND, cursor, "cursor").orElse(Long.MAX_VALUE);
    List<InboxItem> items =
        em.createNamedQuery(unreadOnly ? "Delivery.inboxUnread" : "Delivery.inbox", InboxItem.class)
            .setParameter("user", user)
            .setParameter("before", before)
            .setMaxResults(limit + 1)
            .getResultList();
    if (items.size() <= limit) {
      return new Page<>(items, null);
    }
    List<InboxItem> page = items.subList(0, limit);
    return new Page<>(
        List.copyOf(page), Cursors.encode(CURSOR_KIND, page.get(limit - 1).deliveryId()));
  }

  /** Sets or clears read_at; 404 when the message was not delivered to this user. */
  @Transactional(rollbackOn = Exception.class)
  public void mark(String user, UUID messageId, boolean read) throws SQLException {
    String sql = String.format(MARK, read ? "now()" : "null", read ? "null" : "not null");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, messageId, Types.OTHER);
      update.setString(2, user);
      try (ResultSet changed = update.executeQuery()) {
        if (changed.next()) {
          audit.append(
              connection,
              read ? "delivery.read" : "delivery.unread",
              user,
              messageId,
              changed.getString(1),
              null);
          return;
        }
      }
      if (!delivered(connection, user, messageId)) {
        throw ProblemException.notFound();
      }
    }
  }

  private static boolean delivered(Connection connection, String user, UUID messageId)
      throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement(EXISTS)) {
      exists.setObject(1, messageId, Types.OTHER);
      exists.setString(2, user);
      try (ResultSet row = exists.executeQuery()) {
        return row.next();
      }
    }
  }
}
