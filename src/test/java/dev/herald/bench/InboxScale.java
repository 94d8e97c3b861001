package dev.herald.bench;

import dev.herald.testing.Herald;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * Reads at scale: seeds the log with N messages among 100,000 users (once; later runs reuse them),
 * then measures the inbox's first page and the unread count for random users.
 */
final class InboxScale {
  static final int USERS = 100_000;

  /** Messages per seeding statement: about one progress line each on the reference machine. */
  private static final long CHUNK = 50_000;

  // messages, their deliveries and the recipients' counters, as the store writes them (since V9
  // the counters are the inbox's own upsert, no longer a trigger on deliveries)
  private static final String SEED =
      "with m as (insert into messages (id, conversation_id, sender, body, created_at,"
          + " kafka_topic, kafka_partition, kafka_offset)"
          + " select gen_random_uuid(), 'seed-c-' || (i % 200000), 'seed-u-' || (i % 100000),"
          + " 'seeded message number ' || i || ' 안녕하세요', now(), 'bench.seed', 0, i"
          + " from generate_series(?::bigint, ?::bigint) i"
          + " returning id, conversation_id, sender, kafka_offset, created_at),"
          + " d as (insert into deliveries (message_id, recipient, conversation_id, sender,"
          + " created_at)"
          + " select id, 'seed-u-' || ((kafka_offset * 7 + 1) % 100000), conversation_id, sender,"
          + " created_at from m returning recipient, conversation_id)"
          + " insert into inbox_counts as c (recipient, conversation_id, total, unread, unseen)"
          + " select recipient, conversation_id, count(*), count(*), count(*) from d"
          + " group by recipient, conversation_id order by recipient, conversation_id"
          + " on conflict (recipient, conversation_id) do update"
          + " set total = c.total + excluded.total, unread = c.unread + excluded.unread,"
          + " unseen = c.unseen + excluded.unseen";

  private final String db;
  private final String user;
  private final String password;

  InboxScale(String db, String user, String password) {
    this.db = db;
    this.user = user;
    this.password = password;
  }

  /** Adds seeded messages until there are {@code total}; returns how many exist. */
  long seed(long total) throws Exception {
    try (Connection connection = DriverManager.getConnection(db, user, password)) {
      long have = seeded(connection);
      Progress progress = new Progress("seeding", total, "messages");
      for (long from = have; from < total; from += CHUNK) {
        try (PreparedStatement insert = connection.prepareStatement(SEED)) {
          insert.setLong(1, from);
          insert.setLong(2, Math.min(total, from + CHUNK) - 1);
          insert.executeUpdate();
        }
        progress.update(Math.min(total, from + CHUNK));
      }
      try (PreparedStatement analyze = connection.prepareStatement("analyze")) {
        analyze.execute();
      }
      return seeded(connection);
    }
  }

  /** Latencies in microseconds of GETs of {@code path} as random seeded users. */
  Histogram measure(String path, int requests, List<String> tokens) throws Exception {
    Histogram micros = new Histogram(60_000_000L, 3);
    try (Http1 http = new Http1(Herald.base())) {
      for (int i = 0; i < requests; i++) {
        String token = tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
        long start = System.nanoTime();
        int status = http.get(Herald.base().getRawPath() + path, token).status();
        micros.recordValue((System.nanoTime() - start) / 1000);
        if (status != 200) {
          throw new IllegalStateException("GET " + path + " answered " + status);
        }
      }
    }
    return micros;
  }

  static List<String> tokens(int count) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "seed-u-" + ThreadLocalRandom.current().nextInt(USERS);
      tokens.add(Herald.token(Json.createObjectBuilder().add("user", name).build()));
    }
    return tokens;
  }

  private static long seeded(Connection connection) throws Exception {
    String sql =
        "select coalesce(max(kafka_offset) + 1, 0) from messages where sender like 'seed-u-%'";
    try (PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
