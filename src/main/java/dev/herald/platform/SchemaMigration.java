package dev.herald.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;

/**
 * Brings the schema to the newest migration in db-migrations/ when the application starts, before
 * anything reads the database, then has Hibernate check that the entities match it. Hibernate never
 * writes DDL. Several instances may start at once: Flyway serialises them with an advisory lock.
 *
 * <p>Flyway always looks for SQL callbacks in classpath:db/callback. Herald has none, but the
 * directory is there with an empty {@code flyway.location} file: without it Flyway cannot resolve
 * the location under Liberty's class loader and logs an error line on every start.
 */
@ApplicationScoped
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @PersistenceUnit EntityManagerFactory entityManagerFactory;

  private volatile boolean current;

  void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
    var result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            // a database that is still starting is waited for (up to about two minutes)
            .connectRetries(12)
            .connectRetriesInterval(10)
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    current = true;
  }

  /** True once the schema is migrated and matches the entities (the startup probe). */
  public boolean current() {
    return current;
  }
}
