package dev.herald.sending.control;

import dev.herald.platform.SchemaMigrated;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Forgets Idempotency-Keys after 24 hours and send outcomes once they cannot matter: a stored
 * outcome after a day (a withdrawal happens within seconds of the send), a withdrawal after the
 * record has surely left Kafka (retention, 7 days by default). Every instance may run it: the
 * deletes are idempotent.
 */
@ApplicationScoped
public class SendHousekeeping {
  private static final Logger LOG = Logger.getLogger(SendHousekeeping.class.getName());
  private static final String[] PURGES = {
    "delete from idempotency_keys where created_at < now() - interval '24 hours'",
    "delete from send_outcomes where outcome = 'stored' and decided_at < now() - interval '1 day'",
    "delete from send_outcomes where outcome = 'withdrawn'"
        + " and decided_at < now() - interval '30 days'"
  };

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  void start(@Observes SchemaMigrated migrated) {
    scheduler.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
  }

  void purge() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String purge : PURGES) {
        statement.executeUpdate(purge);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Housekeeping of sends failed; will try again", e);
    }
  }
}
