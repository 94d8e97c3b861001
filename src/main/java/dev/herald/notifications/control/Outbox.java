package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Claimed;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The notifications table as a work queue. Claiming takes due rows with FOR UPDATE SKIP LOCKED, so
 * concurrent dispatchers on any instance never take the same row, and leases them by moving
 * next_attempt_at to the lease end: a dispatcher that dies mid-send leaves the row due again when
 * the lease runs out. AlertOutcomes records how each claimed alert ended; DigestClaims takes a
 * recipient's other unsent emails into a digest.
 */
@ApplicationScoped
public class Outbox {
  static final String CONTEXT =
      " select c.id, c.recipient, c.channel, c.attempts, c.created_at, c.claimed_until,"
          + " c.trace_parent,"
          + " m.id as message_id, m.conversation_id, m.sender, m.subject, m.body,"
          + " m.created_at as message_at, d.read_at is not null as read,"
          + " case c.channel when 'email' then p.email_verified_at is not null"
          + " when 'sms' then p.phone_verified_at is not null else true end as verified, "
          + PreferenceRows.COLUMNS
          + " from claimed c join messages m on m.id = c.message_id"
          + " join deliveries d on d.message_id = c.message_id and d.recipient = c.recipient"
          + " left join notification_preferences p on p.user_name = c.recipient"
          + " order by c.next_attempt_at, c.seq";
  private static final String LEASE =
      "update notifications n set claimed_until = now() + make_interval(secs => ?),"
          + " next_attempt_at = now() + make_interval(secs => ?), updated_at = now()";
  private static final String CLAIM =
      "with claimed as ("
          + LEASE
          + " from (select id from notifications where status in ('pending', 'deferred')"
          + " and next_attempt_at <= now() order by next_attempt_at limit ?"
          + " for update skip locked) due where n.id = due.id returning n.*)"
          + CONTEXT;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Transactional(rollbackOn = Exception.class)
  public List<Claimed> claim(int limit, Duration lease) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      lease(claim, lease);
      claim.setInt(3, limit);
      return read(claim);
    }
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** The first two parameters of the claim ({@link #LEASE}): the lease length, twice. */
  private static void lease(PreparedStatement claim, Duration lease) throws SQLException {
    claim.setLong(1, lease.toSeconds());
    claim.setLong(2, lease.toSeconds());
  }

  static List<Claimed> read(PreparedStatement statement) throws SQLException {
    List<Claimed> claimed = new ArrayList<>();
    try (ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        claimed.add(
            new Claimed(
                row.getObject("id", UUID.class),
                row.getString("recipient"),
                row.getString("channel"),
                row.getInt("attempts"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("claimed_until", OffsetDateTime.class).toInstant(),
                new Alert.Item(
                    row.getObject("message_id", UUID.class),
                    row.getString("conversation_id"),
                    row.getString("sender"),
                    row.getString("subject"),
                    row.getString("body"),
                    row.getObject("message_at", OffsetDateTime.class).toInstant()),
                row.getBoolean("read"),
                PreferenceRows.read(row),
                row.getBoolean("verified"),
                row.getString("trace_parent")));
      }
    }
    return claimed;
  }
}
