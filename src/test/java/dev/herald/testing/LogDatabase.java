package dev.herald.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A look into the PostgreSQL the server writes, to check what was stored and how often; and, for
 * tests that play housekeeping, a way to do what it does.
 */
public final class LogDatabase {
  private LogDatabase() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("herald.it.db.url"),
        System.getProperty("herald.it.db.user"),
        System.getProperty("herald.it.db.password"));
  }

  public static long count(String sql, Object... parameters) {
    List<List<Object>> rows = query(sql, parameters);
    return ((Number) rows.get(0).get(0)).longValue();
  }

  public static int update(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<List<Object>> query(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<List<Object>> result = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            row.add(rows.getObject(c));
          }
          result.add(row);
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
