package dev.herald.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * PostgreSQL's side of the limit: the store's own message insert ({@link StoreStatement}, read from
 * Herald's class), in transactions of the store's batch size, into a copy of the messages table
 * with all its indexes, defaults and generated columns, but no triggers and no other table.
 */
final class RawPostgres {
  static final String TABLE = "bench_raw_messages";

  private final String url;
  private final String user;
  private final String password;
  private final StoreStatement statement = StoreStatement.fromHerald(TABLE);

  RawPostgres(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** What the insert is, for the output. */
  String shape() {
    return "MessageBatchStore's messages insert, unnest of "
        + statement.parameters.size()
        + " arrays, no triggers";
  }

  /**
   * Opens the connection: before the CPU meter's first reading, so that its backend is alive at
   * both readings (a backend that exits as the meter reads may be missed).
   */
  Connection connect() throws Exception {
    return DriverManager.getConnection(url, user, password);
  }

  /** Inserts {@code count} rows in transactions of {@code batch}; returns rows/s. */
  double insert(Connection connection, int count, int batch, String body) throws Exception {
    Progress progress = new Progress("plain insert", count, "rows");
    try (Statement ddl = connection.createStatement()) {
      // made anew each run: the messages table changes with the migrations
      ddl.execute("drop table if exists " + TABLE);
      ddl.execute("create table " + TABLE + " (like messages including all)");
    }
    connection.setAutoCommit(false);
    long start = System.nanoTime();
    for (int done = 0; done < count; done += batch) {
      insertBatch(connection, done, Math.min(batch, count - done), body);
      connection.commit();
      progress.update(done);
    }
    double rate = count / ((System.nanoTime() - start) / 1e9);
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("drop table " + TABLE);
      connection.commit();
    }
    return rate;
  }

  private void insertBatch(Connection connection, int first, int size, String body)
      throws Exception {
    String now = Instant.now().toString();
    try (PreparedStatement insert = connection.prepareStatement(statement.sql)) {
      for (int p = 0; p < statement.parameters.size(); p++) {
        StoreStatement.Parameter parameter = statement.parameters.get(p);
        IntFunction<Object> values = StoreStatement.values(parameter.column(), body, now);
        Object[] column = new Object[size];
        for (int i = 0; i < size; i++) {
          column[i] = values.apply(first + i);
        }
        insert.setArray(p + 1, connection.createArrayOf(parameter.type(), column));
      }
      try (ResultSet ids = insert.executeQuery()) {
        while (ids.next()) {
          // the store reads the ids back to know which were new
        }
      }
    }
  }
}
