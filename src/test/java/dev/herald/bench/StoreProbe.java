package dev.herald.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * What the consumer has committed to PostgreSQL since a mark (the log position before a phase),
 * read cheaply: waiting watches the newest seq (one index probe), and counts rows only when that
 * says all may be there, so that the probe adds little to PostgreSQL's CPU in the phase. Shared by
 * the phase's thread and its end-of-sending count: one statement at a time.
 */
final class StoreProbe implements AutoCloseable {
  private final Connection connection;

  StoreProbe(String url, String user, String password) throws SQLException {
    this.connection = DriverManager.getConnection(url, user, password);
  }

  /** The log position now: messages stored after it have a greater seq. */
  long mark() throws SQLException {
    return single("select coalesce(max(seq), 0) from messages", -1);
  }

  /** Messages stored since {@code mark}, counted. */
  long storedSince(long mark) throws SQLException {
    return single("select count(*) from messages where seq > ?", mark);
  }

  /**
   * Waits until {@code expected} messages were stored after {@code mark} (at most {@code
   * timeoutSeconds}); returns the seconds that took.
   */
  double awaitStored(long mark, long expected, long timeoutSeconds, String label)
      throws SQLException, InterruptedException {
    long start = System.nanoTime();
    Progress progress = new Progress(label, expected, "messages");
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
      long upTo = mark() - mark;
      progress.update(Math.min(upTo, expected));
      // seq values are taken at insert: a duplicate record uses one and stores nothing
      if (upTo >= expected && storedSince(mark) >= expected) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Waits until no alert is pending in the outbox, so that the next phase measures without the
   * alert dispatcher catching up; returns the seconds that took.
   */
  double awaitAlertsDone(long timeoutSeconds) throws SQLException, InterruptedException {
    long start = System.nanoTime();
    String pending = "select count(*) from notifications where status = 'pending'";
    while (single(pending, -1) > 0
        && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
      TimeUnit.MILLISECONDS.sleep(250);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private synchronized long single(String sql, long parameter) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      if (parameter >= 0) {
        query.setLong(1, parameter);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
