package dev.herald.live.control;

import dev.herald.live.entity.LiveEvent;
import dev.herald.platform.SqlArrays;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Reads users' event logs: what each user has after a position (with the message and the user's
 * delivery as they are now), and where a log stands. Reads only: watching never changes an inbox.
 */
@ApplicationScoped
public class LiveReader {
  /** Events per user and read; a user with more is read again from where this one ended. */
  static final int PAGE = 200;

  private static final String AFTER =
      "select e.user_name, e.seq, e.kind, e.details::text, m.id, m.conversation_id, m.sender,"
          + " m.subject, m.body, m.created_at, d.id is not null, d.read_at, d.seen_at,"
          + " d.archived_at, d.snoozed_until, d.deleted_at is not null"
          + " from unnest(?::varchar[], ?::int8[]) as p(user_name, after)"
          + " cross join lateral (select * from live_events e where e.user_name = p.user_name"
          + " and e.seq > p.after order by e.seq limit "
          + PAGE
          + ") e"
          + " left join messages m on m.id = e.message_id"
          + " left join deliveries d on d.message_id = e.message_id and d.recipient = e.user_name"
          + " order by e.user_name, e.seq";
  private static final String HEADS =
      "select h.user_name, h.seq from live_heads h where h.user_name = any(?::varchar[])";
  private static final String FIRST_AFTER =
      "select min(seq) from live_events where user_name = ? and seq > ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  /** Each user's events after their position, oldest first, up to {@link #PAGE} per user. */
  public Map<String, List<LiveEvent>> after(Map<String, Long> positions) throws SQLException {
    List<Map.Entry<String, Long>> users = List.copyOf(positions.entrySet());
    Map<String, List<LiveEvent>> events = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(AFTER)) {
      select.setArray(1, SqlArrays.column(connection, "varchar", users, Map.Entry::getKey));
      select.setArray(2, SqlArrays.column(connection, "int8", users, Map.Entry::getValue));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.computeIfAbsent(rows.getString(1), u -> new ArrayList<>()).add(event(rows));
        }
      }
    }
    return events;
  }

  /** Where each user's log stands: 0 for a user with no events yet. */
  public Map<String, Long> heads(List<String> users) throws SQLException {
    Map<String, Long> heads = new HashMap<>();
    users.forEach(user -> heads.put(user, 0L));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(HEADS)) {
      select.setArray(1, connection.createArrayOf("varchar", users.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          heads.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return heads;
  }

  /** The first event the log still keeps after {@code position}, if any. */
  public OptionalLong firstAfter(String user, long position) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FIRST_AFTER)) {
      select.setString(1, user);
      select.setLong(2, position);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        long first = row.getLong(1);
        return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(first);
      }
    }
  }

  private static LiveEvent event(ResultSet row) throws SQLException {
    long seq = row.getLong(2);
    String kind = row.getString(3);
    String details = row.getString(4);
    if (details != null) {
      return new LiveEvent(seq, kind, details);
    }
    return new LiveEvent(seq, kind, LiveJson.of(kind, row));
  }
}
