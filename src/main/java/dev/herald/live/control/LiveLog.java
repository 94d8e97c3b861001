package dev.herald.live.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.live.entity.LiveEntry;
import dev.herald.platform.JsonMapping;
import dev.herald.platform.SqlArrays;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Appends to users' event logs inside the caller's transaction, in one statement: each user's head
 * (live_heads) moves up by the number of their new events, which are numbered below it in the order
 * given, and every instance is told whose logs grew (NOTIFY with user names only, delivered at
 * commit and only if the transaction commits). A head row stays locked until commit, so a user's
 * events become visible in the order of their numbers: a reader that saw event n has seen every
 * event before it.
 */
@ApplicationScoped
public class LiveLog {
  static final String CHANNEL = "herald_live";

  /** NOTIFY payloads must stay under 8000 bytes. */
  static final int MAX_PAYLOAD_BYTES = 7900;

  private static final String APPEND =
      "with input as (select * from unnest(?::varchar[], ?::varchar[], ?::uuid[], ?::text[])"
          + " with ordinality as t(user_name, kind, message_id, details, n)),"
          + " heads as (insert into live_heads as h (user_name, seq)"
          + " select user_name, count(*) from input group by user_name order by user_name"
          + " on conflict (user_name) do update set seq = h.seq + excluded.seq"
          + " returning h.user_name, h.seq),"
          + " added as (insert into live_events (user_name, seq, kind, message_id, details)"
          + " select i.user_name, h.seq - count(*) over (partition by i.user_name)"
          + " + row_number() over (partition by i.user_name order by i.n),"
          + " i.kind, i.message_id, i.details::jsonb"
          + " from input i join heads h on h.user_name = i.user_name)"
          + " select pg_notify('"
          + CHANNEL
          + "', users) from unnest(?::text[]) as u(users)";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  public void append(List<LiveEntry> entries) throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement append = connection.prepareStatement(APPEND)) {
      append.setArray(1, SqlArrays.column(connection, "varchar", entries, LiveEntry::user));
      append.setArray(2, SqlArrays.column(connection, "varchar", entries, LiveEntry::kind));
      append.setArray(3, SqlArrays.column(connection, "uuid", entries, LiveEntry::messageId));
      append.setArray(4, SqlArrays.column(connection, "text", entries, e -> json(e.details())));
      Set<String> users = new LinkedHashSet<>();
      entries.forEach(e -> users.add(e.user()));
      append.setArray(5, connection.createArrayOf("text", payloads(users).toArray()));
      append.executeQuery().close();
    }
  }

  /** User names separated by spaces (names never contain one), in payloads under the limit. */
  static List<String> payloads(Set<String> users) {
    List<String> payloads = new ArrayList<>();
    StringBuilder payload = new StringBuilder();
    int bytes = 0;
    for (String user : users) {
      int size = user.getBytes(StandardCharsets.UTF_8).length + 1;
      if (bytes + size > MAX_PAYLOAD_BYTES) {
        payloads.add(payload.toString());
        payload.setLength(0);
        bytes = 0;
      }
      payload.append(payload.length() == 0 ? "" : " ").append(user);
      bytes += size;
    }
    payloads.add(payload.toString());
    return payloads;
  }

  private static String json(Map<String, ?> details) {
    if (details == null) {
      return null;
    }
    try {
      return JsonMapping.strict().writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event details must be plain values", e);
    }
  }
}
