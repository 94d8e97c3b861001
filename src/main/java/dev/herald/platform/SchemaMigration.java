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
 * <p>If PostgreSQL cannot be reached, the application starts without it and the tries go on, on
 * their own thread, until it is back (the startup probe DOWN and the API answering 503 meanwhile);
 * a server stopped in that time stops at once. Waiting inside the application's start, as before,
 * held the start and so the stop, and Liberty opened its port after 30 s to answer 404.
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

  /**
   * The first try is part of the application's start, so a normal start opens the port with the
   * schema current; only if the database cannot be reached do the tries go on, on their own thread.
   * Runs after the start-up checks of settings, which fail the start before anything is migrated.
   */
  void start(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000)
          @Initialized(ApplicationScoped.class)
          Object started) {
    if (!tried(0)) {
      threads.newThread(this::retryUntilReachable).start();
    }
  }

  @PreDestroy
  void stop() {
    running = false;
  }

  private void retryUntilReachable() {
    for (int failures = 1; running; failures++) {
      pause(Math.min(MAX_PAUSE_MILLIS, 1000L << Math.min(failures, 4)));
      if (running && tried(failures)) {
        return;
      }
    }
  }

  /** Migrates; false if the database cannot be reached (worth trying again), else true. */
  private boolean tried(int failures) {
    String version;
    try {
      version = migrate();
    } catch (RuntimeException e) {
      if (!SqlFailures.isUnreachable(e)) {
        state = "failed";
        LOG.log(Level.SEVERE, "Schema migration failed; this instance will not serve", e);
        return true;
      }
      state = "waiting for the database";
      LOG.log(
          failures % 10 == 0 ? Level.WARNING : Level.FINE,
          "PostgreSQL cannot be reached; the schema migration will try again: "
              + SqlFailures.describe(e));
      return false;
    }
    state = "current";
    // outside the try: an observer that fails is its own failure, not the migration's
    migrated.fire(new SchemaMigrated(version));
    return true;
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
