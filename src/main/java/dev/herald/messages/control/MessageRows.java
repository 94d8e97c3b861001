package dev.herald.messages.control;

import dev.herald.messages.entity.MessageEntry;
import dev.herald.platform.Page;
import dev.herald.platform.QueryTimeout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/** Runs a page query whose columns are seq, rank, id, conversation, sender, subject, body, time. */
final class MessageRows {
  static final String COLUMNS =
      "m.seq, m.id, m.conversation_id, m.sender, m.subject, m.body, m.created_at";

  private MessageRows() {}

  /**
   * Runs an ordered query for {@code limit + 1} rows: the extra row only tells that there is a next
   * page, whose cursor is made from the page's last entry.
   */
  static Page<MessageEntry> page(
      DataSource dataSource,
      QueryTimeout timeout,
      StringBuilder sql,
      List<Object> parameters,
      int limit,
      Function<MessageEntry, String> cursor)
      throws SQLException {
    sql.append(" limit ?");
    parameters.add(limit + 1);
    List<MessageEntry> entries;
    try (Connection connection = dataSource.getConnection()) {
      entries = query(connection, timeout, sql.toString(), parameters);
    }
    if (entries.size() <= limit) {
      return new Page<>(entries, null);
    }
    return new Page<>(List.copyOf(entries.subList(0, limit)), cursor.apply(entries.get(limit - 1)));
  }

  private static List<MessageEntry> query(
      Connection connection, QueryTimeout timeout, String sql, List<Object> parameters)
      throws SQLException {
    try (PreparedStatement statement = timeout.bound(connection.prepareStatement(sql))) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      List<MessageEntry> entries = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new MessageEntry(
                  rows.getLong("seq"),
                  rows.getFloat("rank"),
                  rows.getObject("id", UUID.class),
                  rows.getString("conversation_id"),
                  rows.getString("sender"),
                  rows.getString("subject"),
                  rows.getString("body"),
                  rows.getObject("created_at", OffsetDateTime.class).toInstant()));
        }
      }
      return entries;
    }
  }
}
