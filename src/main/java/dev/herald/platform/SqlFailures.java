package dev.herald.platform;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a database failure that retrying will cure (connection lost, server starting or shutting
 * down, deadlock) from one it never will (the data itself is refused: SQLSTATE classes 22 and 23).
 */
public final class SqlFailures {
  private SqlFailures() {}

  public static boolean isPermanent(Throwable failure) {
    String state = sqlState(failure);
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  /**
   * The database cannot be reached or does not take connections now: SQLSTATE class 08, a server
   * shutting down or starting up (57P01 to 57P03), or a failed socket. A wrong password or a
   * missing database is not among them: waiting does not cure those.
   */
  public static boolean isUnreachable(Throwable failure) {
    String state = sqlState(failure);
    if (state != null) {
      return state.startsWith("08") || state.matches("57P0[123]");
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }

  public static String describe(Throwable failure) {
    String state = sqlState(failure);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return "SQLSTATE " + state + ": " + sql.getMessage();
      }
    }
    return String.valueOf(failure);
  }

  static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
