package dev.herald.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 503 (type unavailable, with Retry-After) to every API request until the schema is
 * migrated: the migration runs after the application has started, and code that met an older schema
 * would fail in ways no client should see.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class SchemaGate implements ContainerRequestFilter {
  static final long RETRY_SECONDS = 5;

  @Inject SchemaMigration schema;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!schema.current()) {
      throw ProblemException.retryLater(
          ProblemType.UNAVAILABLE,
          "This instance is starting: its database schema is " + schema.state() + ".",
          RETRY_SECONDS);
    }
  }
}
