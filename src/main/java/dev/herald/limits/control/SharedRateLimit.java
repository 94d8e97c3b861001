package dev.herald.limits.control;

import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A fixed-window counter per subject and action in PostgreSQL, shared by every instance: one
 * statement counts the hits, unless they would overfill the window, and says how long the window
 * still runs. Called in the transaction of the action it limits, so a failed action counts nothing;
 * the counter row stays locked until that transaction ends, so one subject's actions queue briefly.
 */
@ApplicationScoped
public class SharedRateLimit {
  private static final String HIT =
      "with w as (select date_bin(make_interval(secs => ?), now(), timestamptz '2000-01-01')"
          + " as start),"
          + " hit as (insert into rate_counters as r (subject, action, window_start, hits)"
          + " select ?, ?, w.start, ? from w where ? <= ?"
          + " on conflict (subject, action, window_start)"
          + " do update set hits = r.hits + excluded.hits where r.hits + excluded.hits <= ?"
          + " returning hits)"
          + " select (select hits from hit),"
          + " ceil(extract(epoch from (select start from w) + make_interval(secs => ?) - now()))";
  private static final String FORGET =
      "delete from rate_counters where window_start < now() - interval '1 day'";
  private static final long FORGET_EVERY_MS = 3_600_000;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  private final AtomicLong forgotAt = new AtomicLong();

  /**
   * Counts one {@code action} by {@code subject}; 429 with Retry-After if {@code max} were counted
   * in this window already. A max of 0 or less: no limit.
   */
  public void acquire(String action, String subject, int max, int windowSeconds, String detail)
      throws SQLException {
    acquire(action, subject, 1, max, windowSeconds, detail);
  }

  /**
   * Counts {@code hits} of {@code action} at once, all or none: 429 with Retry-After if they would
   * take this window past {@code max} (always, if {@code hits} alone exceed it). No hits, or a max
   * of 0 or less: nothing to count.
   */
  public void acquire(
      String action, String subject, int hits, int max, int windowSeconds, String detail)
      throws SQLException {
    if (max <= 0 || hits <= 0) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      forgetOldWindows(connection);
      try (PreparedStatement hit = connection.prepareStatement(HIT)) {
        hit.setInt(1, windowSeconds);
        hit.setString(2, subject);
        hit.setString(3, action);
        hit.setInt(4, hits);
        hit.setInt(5, hits);
        hit.setInt(6, max);
        hit.setInt(7, max);
        hit.setInt(8, windowSeconds);
        try (ResultSet row = hit.executeQuery()) {
          row.next();
          if (row.getObject(1) == null) {
            throw ProblemException.retryLater(ProblemType.RATE_LIMITED, detail, row.getLong(2));
          }
        }
      }
    }
  }

  /** Past windows only take space; each instance deletes them about once an hour. */
  private void forgetOldWindows(Connection connection) throws SQLException {
    long now = System.currentTimeMillis();
    long last = forgotAt.get();
    if (now - last < FORGET_EVERY_MS || !forgotAt.compareAndSet(last, now)) {
      return;
    }
    try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
      forget.executeUpdate();
    }
  }
}
