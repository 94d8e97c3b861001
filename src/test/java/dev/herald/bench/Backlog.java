package dev.herald.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The backlog drain: with Liberty stopped (so no consumer), valid envelopes go straight to the
 * topic; then Liberty starts and the consumer works the backlog off. The rate is the span of
 * stored_at over the backlog, so Liberty's own start-up does not count.
 */
final class Backlog {
  /** What the drain measured. */
  record Drained(long messages, double seconds, double perSecond, double wallSeconds) {}

  private final RawKafka kafka;
  private final ServerProcess server;
  private final String db;
  private final String user;
  private final String password;

  Backlog(RawKafka kafka, ServerProcess server, String db, String user, String password) {
    this.kafka = kafka;
    this.server = server;
    this.db = db;
    this.user = user;
    this.password = password;
  }

  Drained drain(String run, int count, String body) throws Exception {
    server.stop();
    String sender = "drain-" + run;
    kafka.produce(
        "herald.messages",
        count,
        n -> "drain-" + run + "-" + (n % 1000),
        n ->
            Payloads.envelope(
                sender, "drain-" + run + "-" + (n % 1000), "drain-rcpt-" + (n % 5000), body));
    long start = System.nanoTime();
    server.start();
    try (Connection connection = DriverManager.getConnection(db, user, password)) {
      while (count(connection, sender) < count) {
        Thread.sleep(2000); // counting is an index scan: not too often, it loads the database
        if (System.nanoTime() - start > 3_600_000_000_000L) {
          throw new IllegalStateException("the backlog was not drained within an hour");
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      double span = span(connection, sender);
      return new Drained(count, span, count / span, wall);
    }
  }

  private static long count(Connection connection, String sender) throws Exception {
    return single(connection, "select count(*) from messages where sender = ?", sender);
  }

  private static double span(Connection connection, String sender) throws Exception {
    String sql =
        "select extract(epoch from max(stored_at) - min(stored_at)) * 1000 from messages"
            + " where sender = ?";
    return Math.max(1, single(connection, sql, sender)) / 1000.0;
  }

  private static long single(Connection connection, String sql, String sender) throws Exception {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, sender);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
