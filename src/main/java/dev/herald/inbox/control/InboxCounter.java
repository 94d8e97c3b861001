package dev.herald.inbox.control;

import dev.herald.inbox.entity.InboxCounts;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The badge counts, cheap at any inbox size: the per-conversation counters inbox_counts (kept by
 * statement triggers over deliveries neither deleted nor archived) summed over the user's rows,
 * minus the deliveries snoozed at this moment, found through the small partial index
 * deliveries_recipient_snoozed. "Now" is the application's clock, never SQL now().
 */
@ApplicationScoped
public class InboxCounter {
  private static final String COUNTS =
      "select c.unread - s.unread, c.unseen - s.unseen, c.total - s.total from"
          + " (select coalesce(sum(unread), 0) as unread, coalesce(sum(unseen), 0) as unseen,"
          + " coalesce(sum(total), 0) as total from inbox_counts where recipient = ? %1$s) c,"
          + " (select count(*) filter (where read_at is null) as unread,"
          + " count(*) filter (where seen_at is null) as unseen, count(*) as total"
          + " from deliveries where recipient = ? and snoozed_until > ? and deleted_at is null"
          + " and archived_at is null %1$s) s";
  private static final String IN_CONVERSATION = "and conversation_id = ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject Clock clock;

  public InboxCounts counts(String user, String conversationId) throws SQLException {
    boolean one = conversationId != null;
    String sql = String.format(COUNTS, one ? IN_CONVERSATION : "");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      int i = 1;
      query.setString(i++, user);
      if (one) {
        query.setString(i++, conversationId);
      }
      query.setString(i++, user);
      query.setObject(i++, clock.instant().atOffset(ZoneOffset.UTC));
      if (one) {
        query.setString(i, conversationId);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new InboxCounts(row.getLong(1), row.getLong(2), row.getLong(3));
      }
    }
  }
}
