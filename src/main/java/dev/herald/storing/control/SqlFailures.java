package dev.herald.storing.control;

import java.sql.SQLException;

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
