package dev.herald.live.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears, on one connection of its own, whose event logs grew on any instance (PostgreSQL LISTEN on
 * the channel {@link LiveLog} notifies at commit) and tells the hub. When the connection breaks it
 * connects again and has the hub read for every open stream, since signals sent meanwhile are lost.
 */
@ApplicationScoped
public class LiveListener {
  private static final Logger LOG = Logger.getLogger(LiveListener.class.getName());
  private static final int WAIT_MILLIS = 1000;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;
  @Inject LiveHub hub;

  private volatile boolean running = true;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    threads.newThread(this::listen).start();
  }

  @PreDestroy
  void stop() {
    running = false;
  }

  private void listen() {
    int failures = 0;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("listen " + LiveLog.CHANNEL);
        }
        if (failures > 0) {
          hub.signalAll();
        }
        failures = 0;
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] signals = postgres.getNotifications(WAIT_MILLIS);
          if (signals != null && signals.length > 0) {
            hub.signal(users(signals));
          }
        }
      } catch (SQLException | RuntimeException e) {
        failures++;
        LOG.log(
            failures == 1 ? Level.WARNING : Level.FINE,
            "Listening for live events failed; will listen again",
            e);
        pause(Math.min(failures, 10) * 500L);
      }
    }
  }

  static Set<String> users(PGNotification[] signals) {
    Set<String> users = new LinkedHashSet<>();
    for (PGNotification signal : signals) {
      users.addAll(Arrays.asList(signal.getParameter().split(" ")));
    }
    return users;
  }

  private void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
