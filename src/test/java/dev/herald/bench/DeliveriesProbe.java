package dev.herald.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * POST→visible without a live stream: polls, every 25 ms, the committed deliveries of the probe
 * recipients (the rows GET /api/inbox lists; a transaction's rows are seen only once it has
 * committed, unlike messages.stored_at, which is now() at its start). In PostgreSQL rather than
 * over HTTP, because listing an inbox marks it seen (a write) and costs Liberty a request. Every 25
 * ms, not more often: at 10 ms the polls cost PostgreSQL about a tenth of a core at rest.
 */
final class DeliveriesProbe implements VisibilityProbe {
  private static final long EVERY_MILLIS = 25;

  /** Delivery ids are taken in one order and may commit in another: look back this far. */
  private static final long LOOK_BACK = 1000;

  private static final String NEW =
      "select id, message_id from deliveries where recipient = any(?) and id > ?";

  private final Map<UUID, Long> seen = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
  private final Connection connection;
  private long newest;

  DeliveriesProbe(String url, String user, String password) throws SQLException {
    this.connection = DriverManager.getConnection(url, user, password);
  }

  @Override
  public void watch(List<String> users) throws SQLException {
    try (PreparedStatement max = connection.prepareStatement("select max(id) from deliveries");
        ResultSet row = max.executeQuery()) {
      row.next();
      newest = row.getLong(1);
    }
    PreparedStatement poll = connection.prepareStatement(NEW);
    poll.setArray(1, connection.createArrayOf("varchar", users.toArray()));
    poller.scheduleWithFixedDelay(() -> poll(poll), 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void poll(PreparedStatement poll) {
    try {
      poll.setLong(2, newest - LOOK_BACK);
      try (ResultSet rows = poll.executeQuery()) {
        long now = System.nanoTime();
        while (rows.next()) {
          newest = Math.max(newest, rows.getLong(1));
          seen.putIfAbsent(rows.getObject(2, UUID.class), now);
        }
      }
    } catch (SQLException e) {
      // a failed poll is retried by the next one; a message seen later only looks slower
    }
  }

  @Override
  public Map<UUID, Long> seen() {
    return seen;
  }

  @Override
  public String describe() {
    return "committed deliveries of the probe recipients, polled every "
        + EVERY_MILLIS
        + " ms in PostgreSQL";
  }

  @Override
  public void close() {
    poller.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
      connection.close();
    } catch (SQLException | InterruptedException e) {
      // closing at the end of the run
    }
  }
}
