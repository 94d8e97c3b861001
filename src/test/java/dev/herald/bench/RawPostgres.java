package dev.herald.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * PostgreSQL's side of the limit: the store's own message insert (the statement of
 * MessageBatchStore: arrays, unnest with ordinality, on conflict do nothing, returning the ids), in
 * transactions of the store's batch size, into a copy of the messages table with all its indexes,
 * defaults and generated search column, but no triggers and no other table.
 */
final class RawPostgres {
  static final String SHAPE =
      "MessageBatchStore's messages insert (unnest of 9 arrays, returning ids), no triggers";
  private static final String INSERT =
      "insert into bench_raw_messages (id, conversation_id, sender, subject, body, created_at,"
          + " kafka_topic, kafka_partition, kafka_offset)"
          + " select id, conversation_id, sender, subject, body, created_at::timestamptz, topic,"
          + " part, off from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],"
          + " ?::text[], ?::varchar[], ?::int[], ?::bigint[]) with ordinality"
          + " as t(id, conversation_id, sender, subject, body, created_at, topic, part, off, n)"
          + " order by n on conflict (id) do nothing returning id";

  private final String url;
  private final String user;
  private final String password;

  RawPostgres(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Inserts {@code count} rows in transactions of {@code batch}; returns rows/s. */
  double insert(int count, int batch, String body) throws Exception {
    Progress progress = new Progress("plain insert", count, "rows");
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("create table if not exists bench_raw_messages (like messages including all)");
        ddl.execute("truncate bench_raw_messages");
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
        ddl.execute("truncate bench_raw_messages");
        connection.commit();
      }
      return rate;
    }
  }

  private static void insertBatch(Connection connection, int first, int size, String body)
      throws Exception {
    Object[][] columns = new Object[9][size];
    String now = Instant.now().toString();
    for (int i = 0; i < size; i++) {
      int n = first + i;
      columns[0][i] = UUID.randomUUID();
      columns[1][i] = "raw-c-" + (n % 1000);
      columns[2][i] = "raw-s-" + (n % 500);
      columns[4][i] = body;
      columns[5][i] = now;
      columns[6][i] = "bench.raw";
      columns[7][i] = n % 6;
      columns[8][i] = (long) n;
    }
    String[] types = {"uuid", "varchar", "varchar", "varchar", "text", "text", "varchar", "int4"};
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int c = 0; c < columns.length; c++) {
        Array array = connection.createArrayOf(c < types.length ? types[c] : "int8", columns[c]);
        insert.setArray(c + 1, array);
      }
      try (ResultSet ids = insert.executeQuery()) {
        while (ids.next()) {
          // the store reads the ids back to know which were new
        }
      }
    }
  }
}
