package dev.herald.health;

import dev.herald.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the schema is migrated and while PostgreSQL answers a query; why not is logged,
 * not shown. Before the migration the API answers 503 ({@code SchemaGate}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  static final String UNREACHABLE = "the database did not answer";
  private final DownReasons reasons = new DownReasons();

  @Inject SchemaMigration schema;

  @Override
  public HealthCheckResponse call() {
    if (!schema.current()) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("schema", schema.state())
          .build();
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      if (valid) {
        reasons.recovered();
      }
      return HealthCheckResponse.named("database").status(valid).build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", reasons.logged("database", UNREACHABLE, e))
          .build();
    }
  }
}
