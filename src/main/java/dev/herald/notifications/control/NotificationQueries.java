package dev.herald.notifications.control;

import dev.herald.notifications.entity.NotificationView;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A user's own alerts, newest first: one query per page, never another user's. */
@ApplicationScoped
public class NotificationQueries {
  static final String CURSOR_KIND = "notifications";
  private static final String PAGE =
      "select id, message_id, channel, status, attempts, next_attempt_at, last_error,"
          + " provider_message_id, digest_id, created_at, sent_at, seq from notifications"
          + " where recipient = ? and seq < ? and (?::uuid is null or message_id = ?::uuid)"
          + " order by seq desc limit ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  public Page<NotificationView> page(String user, UUID messageId, int limit, String cursor)
      throws SQLException {
    long before = Cursors.decode(CURSOR_KIND, cursor, "cursor").orElse(Long.MAX_VALUE);
    List<NotificationView> items = new ArrayList<>();
    long last = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement page = connection.prepareStatement(PAGE)) {
      page.setString(1, user);
      page.setLong(2, before);
      page.setObject(3, messageId, Types.OTHER);
      page.setObject(4, messageId, Types.OTHER);
      page.setInt(5, limit + 1);
      try (ResultSet row = page.executeQuery()) {
        while (items.size() < limit && row.next()) {
          items.add(view(row));
          last = row.getLong("seq");
        }
        boolean more = row.next();
        return new Page<>(items, more ? Cursors.encode(CURSOR_KIND, last) : null);
      }
    }
  }

  private static NotificationView view(ResultSet row) throws SQLException {
    return new NotificationView(
        row.getObject("id", UUID.class),
        row.getObject("message_id", UUID.class),
        row.getString("channel"),
        row.getString("status"),
        row.getInt("attempts"),
        instant(row, "next_attempt_at"),
        row.getString("last_error"),
        row.getString("provider_message_id"),
        row.getObject("digest_id", UUID.class),
        instant(row, "created_at"),
        instant(row, "sent_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
