package dev.herald.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * Batched inserts into a copy of the messages table (same columns, indexes and generated columns,
 * no triggers), with the statement shape the consumer uses: PostgreSQL's side of the limit.
 */
final class RawPostgres {
  private static final String INSERT =
      "insert into bench_raw_messages (id, conversation_id, sender, subject, body, created_at,"
          + " kafka_topic, kafka_partition, kafka_offset)"
          + " select id, c, s, subj, b, t::timestamptz, 'bench.raw', 0, o from unnest(?::uuid[],"
          + " ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::bigint[])"
          + " as u(id, c, s, subj, b, t, o)";

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
    Object[] ids = new Object[size];
    Object[] conversations = new Object[size];
    Object[] senders = new Object[size];
    Object[] subjects = new Object[size];
    Object[] bodies = new Object[size];
    Object[] times = new Object[size];
    Object[] offsets = new Object[size];
    String now = Instant.now().toString();
    for (int i = 0; i < size; i++) {
      int n = first + i;
      ids[i] = UUID.randomUUID();
      conversations[i] = "raw-c-" + (n % 1000);
      senders[i] = "raw-s-" + (n % 200);
      bodies[i] = body;
      times[i] = now;
      offsets[i] = (long) n;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      Array[] columns = {
        connection.createArrayOf("uuid", ids),
        connection.createArrayOf("varchar", conversations),
        connection.createArrayOf("varchar", senders),
        connection.createArrayOf("varchar", subjects),
        connection.createArrayOf("text", bodies),
        connection.createArrayOf("text", times),
        connection.createArrayOf("int8", offsets)
      };
      for (int i = 0; i < columns.length; i++) {
        insert.setArray(i + 1, columns[i]);
      }
      insert.executeUpdate();
    }
  }
}
