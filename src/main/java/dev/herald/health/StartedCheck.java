package dev.herald.health;

import dev.herald.platform.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the schema is migrated and validated and the store's Kafka consumer exists: before
 * that, liveness cannot tell a consumer still starting from one that is gone, and a platform that
 * probed liveness alone might restart an instance that is only migrating a large table.
 */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {
  @Inject SchemaMigration schema;
  @Inject @Liveness ConsumerLiveness consumer;

  @Override
  public HealthCheckResponse call() {
    boolean migrated = schema.current();
    String consumerState = consumer.state();
    return HealthCheckResponse.named("started")
        .status(migrated && ConsumerLiveness.CONSUMING.equals(consumerState))
        .withData("schema", schema.state())
        .withData("consumer", consumerState)
        .build();
  }
}
