package dev.herald.live.control;

import dev.herald.platform.SchemaMigrated;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets live events older than the replay window (a client that was away longer is told to reset
 * and reloads) and used-up or expired tickets. Every instance may run it: the deletes are
 * idempotent.
 */
@ApplicationScoped
public class LiveHousekeeping {
  private static final Logger LOG = Logger.getLogger(LiveHousekeeping.class.getName());
  private static final String EVENTS =
      "delete from live_events where created_at < now() - make_interval(hours => ?)";
  private static final String TICKETS = "delete from live_tickets where expires_at < now()";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "herald.live.replay-hours", defaultValue = "72")
  int replayHours;

  void start(@Observes SchemaMigrated migrated) {
    scheduler.scheduleWithFixedDelay(this::purge, 2, 10, TimeUnit.MINUTES);
  }

  void purge() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement events = connection.prepareStatement(EVENTS);
        PreparedStatement tickets = connection.prepareStatement(TICKETS)) {
      events.setInt(1, replayHours);
      events.executeUpdate();
      tickets.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Housekeeping of live events failed; will try again", e);
    }
  }
}
