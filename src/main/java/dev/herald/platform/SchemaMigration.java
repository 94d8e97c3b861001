package dev.herald.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;

/**
 * Brings the schema to the newest migration in db-migrations/, then has Hibernate check that the
 * entities match it, and fires {@link SchemaMigrated}. Hibernate never writes DDL. Several
 * instances may start at once: Flyway serialises them with an advisory lock.
 *
 * <p>It runs on its own thread, after the application has started: an instance started while
 * PostgreSQL is down keeps trying until it is back (its startup probe DOWN and the API answering
 * 503 meanwhile), and a server stopped in that time stops at once. Run inside the application's
 * start, the wait held the start and so the stop, and Liberty opened its port after 30 s to answer
 * 404.
 *
 * <p>Flyway always looks for SQL callbacks in classpath:db/callback. Herald has none, but the
 * directory is there with an empty {@code flyway.location} file: without it Flyway cannot resolve
 * the location under Liberty's class loader and logs an error line on every start.
 */
@ApplicationScoped
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  static final long MAX_PAUSE_MILLIS = 10_000;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @PersistenceUnit EntityManagerFactory entityManagerFactory;
  @Resource ManagedThreadFactory threads;
  @Inject Event<SchemaMigrated> migrated;

  private volatile String state = "migrating";
  private volatile boolean running = true;

  /** After the start-up checks of settings, which fail the start before anything is migrated. */
  void start(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000)
          @Initialized(ApplicationScoped.class)
          Object started) {
    threads.newThread(this::migrateOnceReachable).start();
  }

  @PreDestroy
  void stop() {
    running = false;
  }

  private void migrateOnceReachable() {
    for (int failures = 0; running; failures++) {
      try {
        String version = migrate();
        state = "current";
        migrated.fire(new SchemaMigrated(version));
        return;
      } catch (RuntimeException e) {
        if (!SqlFailures.isUnreachable(e)) {
          state = "failed";
          LOG.log(Level.SEVERE, "Schema migration failed; this instance will not serve", e);
          return;
        }
        state = "waiting for the database";
        LOG.log(
            failures % 10 == 0 ? Level.WARNING : Level.FINE,
            "PostgreSQL cannot be reached; the schema migration will try again: "
                + SqlFailures.describe(e));
        pause(Math.min(MAX_PAUSE_MILLIS, 1000L << Math.min(failures, 4)));
      }
    }
  }

  private String migrate() {
    var result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .connectRetries(0) // this class retries, watching for the server to stop
            .load()
            .migrate();
    // the target is null when nothing was applied
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            "Schema at version "
                + version
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    return version;
  }

  private void pause(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    try {
      while (running && System.nanoTime() < end) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** True once the schema is migrated and matches the entities (the startup probe). */
  public boolean current() {
    return "current".equals(state);
  }

  /** current, migrating, waiting for the database, or failed (the startup probe's data). */
  public String state() {
    return state;
  }
}
