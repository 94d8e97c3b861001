package dev.herald.messages.control;

import dev.herald.messages.entity.MessageEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Runs a page query whose columns are seq, rank, id, conversation, sender, subject, body, time. */
final class MessageRows {
  static final String COLUMNS =
      "m.seq, m.id, m.conversation_id, m.sender, m.subject, m.body, m.created_at";

  private MessageRows() {}

  static List<MessageEntry> query(Connection connection, String sql, List<Object> parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
