package dev.herald.platform;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** One column of many rows as a SQL array, for set-based statements over {@code unnest(...)}. */
public final class SqlArrays {
  private SqlArrays() {}

  public static <T> Array column(
      Connection connection, String type, List<T> rows, Function<T, Object> column)
      throws SQLException {
    return connection.createArrayOf(type, rows.stream().map(column).toArray());
  }
}
