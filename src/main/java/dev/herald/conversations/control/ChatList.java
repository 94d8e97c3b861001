package dev.herald.conversations.control;

import dev.herald.conversations.entity.ChatListItem;
import dev.herald.conversations.entity.ChatListItem.LastMessage;
import dev.herald.messages.entity.MessageLimits;
import dev.herald.platform.Cursors;
import dev.herald.platform.Cursors.Keyset;
import dev.herald.platform.Page;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A user's chat list, most recent activity first, one query per page: the entries kept by the
 * deliveries trigger (and by group changes), each with its last message, its group title and the
 * user's unread count. Keyset-paged on (last_activity_at, conversation_id), the entries' index.
 */
@ApplicationScoped
public class ChatList {
  static final String CURSOR_KIND = "chats";
  static final int SNIPPET_CHARS = 140;
  private static final Pattern CONVERSATION_ID =
      Pattern.compile(MessageLimits.CONVERSATION_ID_REGEX);
  private static final String PAGE =
      "select e.conversation_id, e.last_activity_at,"
          + " case when e.conversation_id like 'dm-%' then 'direct'"
          + " when c.id is not null then 'group' else 'thread' end,"
          + " c.title, m.id, m.sender, m.subject,"
          // one line: whitespace runs (line breaks too) become one space
          + " left(btrim(regexp_replace(left(m.body, 400), '\\s+', ' ', 'g')), "
          + SNIPPET_CHARS
          + "), m.created_at, coalesce(n.unread, 0),"
          // who takes part in a conversation that is not a group: its last message's people
          + " case when c.id is null and m.id is not null then array(select u from"
          + " (select d.recipient as u from deliveries d where d.message_id = m.id"
          + " union select m.sender) p order by u) end"
          + " from conversation_entries e"
          + " left join messages m on m.id = e.last_message_id"
          + " left join conversations c on c.id = e.conversation_id"
          + " left join inbox_counts n"
          + " on n.recipient = e.user_name and n.conversation_id = e.conversation_id"
          + " where e.user_name = ? %s"
          + " order by e.last_activity_at desc, e.conversation_id desc limit ?";
  private static final String FIRST = PAGE.replace("%s", "");
  private static final String AFTER =
      PAGE.replace("%s", "and (e.last_activity_at, e.conversation_id) < (?, ?)");

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  public Page<ChatListItem> page(String user, int limit, String cursor) throws SQLException {
    Optional<Keyset> from = Cursors.decode(CURSOR_KIND, cursor, "cursor", CONVERSATION_ID);
    List<ChatListItem> items = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(from.isEmpty() ? FIRST : AFTER)) {
      int p = 1;
      select.setString(p++, user);
      if (from.isPresent()) {
        select.setObject(p++, atMicros(from.get().position()));
        select.setString(p++, from.get().key());
      }
      select.setInt(p, limit + 1);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          items.add(item(rows));
        }
      }
    }
    if (items.size() <= limit) {
      return new Page<>(items, null);
    }
    ChatListItem last = items.get(limit - 1);
    return new Page<>(
        List.copyOf(items.subList(0, limit)),
        Cursors.encode(CURSOR_KIND, new Keyset(last.lastActivityMicros(), last.conversationId())));
  }

  private static ChatListItem item(ResultSet row) throws SQLException {
    UUID messageId = row.getObject(5, UUID.class);
    LastMessage last =
        messageId == null
            ? null
            : new LastMessage(
                messageId, row.getString(6), row.getString(7), row.getString(8), instant(row, 9));
    java.sql.Array people = row.getArray(11);
    return new ChatListItem(
        row.getString(1),
        row.getString(3),
        row.getString(4),
        people == null ? null : List.of((String[]) people.getArray()),
        last,
        row.getLong(10),
        instant(row, 2));
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime atMicros(long micros) {
    Instant at = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
