package dev.herald.notifications.control;

import dev.herald.notifications.entity.Claimed;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Closes a recipient's digest window for one dispatcher at a time, on any instance. Under a
 * per-recipient advisory lock it checks that the first alert is still this dispatcher's, finds
 * where the window opened and takes every unsent email of the recipient into the digest: also those
 * another instance's batch holds (that instance finds them gone and drops them), never those of a
 * digest still in flight (they mark it with digest_id and its lease). So two instances never send
 * two digests for one window, and an alert that arrives while a digest is being sent opens the next
 * window instead of going out alone at once.
 */
@ApplicationScoped
public class DigestClaims {
  /** Rows another dispatcher is sending in a digest right now (never null: it is negated). */
  private static final String IN_LIVE_DIGEST =
      " (digest_id is not null"
          + " and coalesce(claimed_until > now() and claimed_until <> ?, false))";

  private static final String UNSENT_EMAIL =
      " recipient = ? and channel = 'email' and status in ('pending', 'deferred')";
  private static final String LOCK =
      "select pg_advisory_xact_lock(hashtextextended('herald.digest:' || ?, 0))";
  private static final String STILL_OURS =
      "select 1 from notifications where id = ? and claimed_until = ?"
          + " and status in ('pending', 'deferred')";
  private static final String OPENED =
      "select min(created_at) from notifications where"
          + UNSENT_EMAIL
          + " and not"
          + IN_LIVE_DIGEST;
  private static final String TAKE =
      "with claimed as (update notifications n set claimed_until = ?, next_attempt_at = ?,"
          + " digest_id = ?, updated_at = now() from (select id from notifications where"
          + UNSENT_EMAIL
          + " and not"
          + IN_LIVE_DIGEST
          + " order by id for update) due where n.id = due.id returning n.*)"
          + Outbox.CONTEXT;

  /** The digest window, as closing it found it. */
  public sealed interface DigestWindow {}

  /** Another dispatcher took the first alert into its digest: send nothing. */
  public record Lost() implements DigestWindow {}

  /** The window is open until then (it opened with the oldest unsent email not in flight). */
  public record Open(Instant closes) implements DigestWindow {}

  /** The window is closed: these are the digest's alerts besides the first, now leased with it. */
  public record Closed(List<Claimed> others) implements DigestWindow {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Transactional(rollbackOn = Exception.class)
  public DigestWindow close(Claimed first, Duration window, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      run(connection, LOCK, first.recipient());
      if (!exists(connection, STILL_OURS, first)) {
        return new Lost();
      }
      Instant closes = openedAt(connection, first).plus(window);
      if (now.isBefore(closes)) {
        return new Open(closes);
      }
      try (PreparedStatement take = connection.prepareStatement(TAKE)) {
        take.setObject(1, Outbox.at(first.lease()));
        take.setObject(2, Outbox.at(first.lease()));
        take.setObject(3, first.id(), Types.OTHER);
        take.setString(4, first.recipient());
        take.setObject(5, Outbox.at(first.lease()));
        return new Closed(
            Outbox.read(take).stream().filter(c -> !c.id().equals(first.id())).toList());
      }
    }
  }

  private static Instant openedAt(Connection connection, Claimed first) throws SQLException {
    try (PreparedStatement opened = connection.prepareStatement(OPENED)) {
      opened.setString(1, first.recipient());
      opened.setObject(2, Outbox.at(first.lease()));
      try (ResultSet row = opened.executeQuery()) {
        row.next();
        Timestamp at = row.getTimestamp(1);
        return at == null ? first.createdAt() : at.toInstant();
      }
    }
  }

  private static void run(Connection connection, String sql, String recipient) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, recipient);
      statement.executeQuery().close();
    }
  }

  private static boolean exists(Connection connection, String sql, Claimed first)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, first.id(), Types.OTHER);
      statement.setObject(2, Outbox.at(first.lease()));
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }
}
