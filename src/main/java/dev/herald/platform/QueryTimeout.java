package dev.herald.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time a user-facing read (search, history, inbox, audit queries) may take, lock waits
 * included. Past it the driver cancels the statement (no extra round trip: a timer sends the cancel
 * only when it fires) and the API answers 503 query-timeout (ProblemMappers).
 */
@ApplicationScoped
public class QueryTimeout {
  /** PostgreSQL's SQLSTATE for a statement cancelled (here: by the timeout). */
  public static final String CANCELLED = "57014";

  @Inject
  @ConfigProperty(name = "herald.queries.timeout-seconds", defaultValue = "5")
  int seconds;

  public int seconds() {
    return seconds;
  }

  public <S extends Statement> S bound(S statement) throws SQLException {
    statement.setQueryTimeout(seconds);
    return statement;
  }

  public <T> TypedQuery<T> bound(TypedQuery<T> query) {
    return query.setHint("jakarta.persistence.query.timeout", seconds * 1000);
  }

  /** Whether a failure is, or was caused by, a statement cancelled by its timeout. */
  public static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && CANCELLED.equals(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
