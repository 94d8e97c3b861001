package dev.herald.notifications.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Claimed;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The notifications table as a work queue. Claiming takes due rows with FOR UPDATE SKIP LOCKED, so
 * concurrent dispatchers on any instance never take the same row, and leases them by moving
 * next_attempt_at to the lease end: a dispatcher that dies mid-send leaves the row due again when
 * the lease runs out. Finishing checks the lease is still ours and audits sent and failed alerts in
 * the same transaction.
 */
@ApplicationScoped
public class Outbox {
  static final String ACTOR = "herald-notifier";
  private static final String CONTEXT =
      " select c.id, c.recipient, c.channel, c.attempts, c.created_at, c.claimed_until,"
          + " m.id as message_id, m.conversation_id, m.sender, m.subject, m.body,"
          + " m.created_at as message_at, d.read_at is not null as read, "
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
  private static final String CLAIM_DIGEST =
      "with claimed as ("
          + LEASE
          + " from (select id from notifications where recipient = ? and channel = 'email'"
          + " and status in ('pending', 'deferred') and id <> ?"
          + " and (claimed_until is null or claimed_until < now() or claimed_until = ?)"
          + " for update skip locked) due where n.id = due.id returning n.*)"
          + CONTEXT;
  private static final String OLDEST_UNSENT_EMAIL =
      "select min(created_at) from notifications where recipient = ? and channel = 'email'"
          + " and status in ('pending', 'deferred')";
  private static final String FINISH =
      "update notifications set status = ?, next_attempt_at = coalesce(?, next_attempt_at),"
          + " last_error = ?, provider_message_id = coalesce(?, provider_message_id),"
          + " attempts = attempts + ?, digest_id = coalesce(?, digest_id), claimed_until = null,"
          + " updated_at = now(), sent_at = case when status = 'sent' then sent_at"
          + " when ? = 'sent' then now() end"
          + " where id = ? and claimed_until = ? returning message_id, conversation_id, channel,"
          + " attempts";

  /**
   * How a claimed notification ends this round; {@code nextAttemptAt} only for pending/deferred.
   */
  public record Finish(
      String status,
      Instant nextAttemptAt,
      String error,
      String providerMessageId,
      boolean attempted,
      UUID digestId) {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  @Transactional(rollbackOn = Exception.class)
  public List<Claimed> claim(int limit, Duration lease) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      claim.setLong(1, lease.toSeconds());
      claim.setLong(2, lease.toSeconds());
      claim.setInt(3, limit);
      return read(claim);
    }
  }

  /**
   * Leases the recipient's other unsent emails, for one digest with {@code first}: those nobody
   * holds and those claimed in the same batch as {@code first}.
   */
  @Transactional(rollbackOn = Exception.class)
  public List<Claimed> claimDigest(Claimed first, Duration lease) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim = connection.prepareStatement(CLAIM_DIGEST)) {
      claim.setLong(1, lease.toSeconds());
      claim.setLong(2, lease.toSeconds());
      claim.setString(3, first.recipient());
      claim.setObject(4, first.id(), Types.OTHER);
      // rows claimed in the same batch as the first share its lease
      claim.setObject(5, at(first.lease()));
      return read(claim);
    }
  }

  public Instant oldestUnsentEmail(String recipient) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement oldest = connection.prepareStatement(OLDEST_UNSENT_EMAIL)) {
      oldest.setString(1, recipient);
      try (ResultSet row = oldest.executeQuery()) {
        row.next();
        Timestamp at = row.getTimestamp(1);
        return at == null ? Instant.now() : at.toInstant();
      }
    }
  }

  /** Records the outcome for each, unless its lease ran out (another dispatcher has it now). */
  @Transactional(rollbackOn = Exception.class)
  public void finish(List<Claimed> group, Finish finish) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(FINISH)) {
      for (Claimed claimed : group) {
        bind(update, claimed, finish);
        try (ResultSet row = update.executeQuery()) {
          if (row.next() && (finish.status().equals("sent") || finish.status().equals("failed"))) {
            audit(connection, claimed, finish, row);
          }
        }
      }
    }
  }

  private static void bind(PreparedStatement update, Claimed claimed, Finish finish)
      throws SQLException {
    update.setString(1, finish.status());
    update.setObject(2, at(finish.nextAttemptAt()));
    update.setString(3, finish.error() == null ? null : Snippets.truncate(finish.error(), 1000));
    update.setString(4, finish.providerMessageId());
    update.setInt(5, finish.attempted() ? 1 : 0);
    update.setObject(6, finish.digestId(), Types.OTHER);
    update.setString(7, finish.status());
    update.setObject(8, claimed.id(), Types.OTHER);
    update.setObject(9, at(claimed.lease()));
  }

  private void audit(Connection connection, Claimed claimed, Finish finish, ResultSet row)
      throws SQLException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("notificationId", claimed.id().toString());
    details.put("recipient", claimed.recipient());
    details.put("channel", row.getString("channel"));
    details.put("attempts", row.getInt("attempts"));
    if (finish.providerMessageId() != null) {
      details.put("providerMessageId", finish.providerMessageId());
    }
    if (finish.error() != null) {
      details.put("error", Snippets.truncate(finish.error(), 500));
    }
    audit.append(
        connection,
        "notification." + finish.status(),
        ACTOR,
        row.getObject("message_id", UUID.class),
        row.getString("conversation_id"),
        details);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
  }

  private static List<Claimed> read(PreparedStatement statement) throws SQLException {
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
                PreferenceRows.read(row)));
      }
    }
    return claimed;
  }
}
