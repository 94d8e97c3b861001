package dev.herald.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Watches what the consumer has committed to PostgreSQL for one benchmark run's senders. */
final class StoreProbe implements AutoCloseable {
  private final Connection connection;
  private final String senderPattern;

  StoreProbe(String url, String user, String password, String senderPrefix) throws SQLException {
    this.connection = DriverManager.getConnection(url, user, password);
    this.senderPattern = senderPrefix + "%";
  }

  static StoreProbe forSenders(String senderPrefix) throws SQLException {
    return new StoreProbe(
        System.getProperty("herald.it.db.url"),
        System.getProperty("herald.it.db.user"),
        System.getProperty("herald.it.db.password"),
        senderPrefix);
  }

  /** Waits until {@code expected} messages are stored; returns the seconds that took. */
  double awaitStored(long expected, long timeoutSeconds) throws SQLException, InterruptedException {
    long start = System.nanoTime();
    while (stored() < expected && System.nanoTime() - start < timeoutSeconds * 1_000_000_000L) {
      Thread.sleep(50);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Waits until no alert is pending in the outbox (of any sender), so that the next phase measures
   * without the alert dispatcher catching up; returns the seconds that took.
   */
  double awaitAlertsDone(long timeoutSeconds) throws SQLException, InterruptedException {
    long start = System.nanoTime();
    while (pendingAlerts() > 0 && System.nanoTime() - start < timeoutSeconds * 1_000_000_000L) {
      Thread.sleep(200);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private long pendingAlerts() throws SQLException {
    try (PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from notifications where status = 'pending'");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  long stored() throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement("select count(*) from messages where sender like ?")) {
      count.setString(1, senderPattern);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Milliseconds from a send being due to its row being stored, for every accepted send. */
  Histogram visibleAfterMillis(Map<String, Long> acceptedAtMillis) throws SQLException {
    Histogram histogram = new Histogram(3_600_000L, 3);
    String sql =
        "select id::text, extract(epoch from stored_at) * 1000 from messages where sender like ?";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, senderPattern);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Long due = acceptedAtMillis.get(rows.getString(1));
          if (due != null) {
            histogram.recordValue(Math.max(0, (long) rows.getDouble(2) - due));
          }
        }
      }
    }
    return histogram;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
