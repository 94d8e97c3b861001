package dev.herald.conversations.control;

import dev.herald.conversations.entity.HistoryItem;
import dev.herald.conversations.entity.HistoryPage;
import dev.herald.platform.Cursors;
import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import dev.herald.platform.QueryTimeout;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A conversation's messages in log order, as far as the caller took part in them (sent or received)
 * and has not deleted them for themselves. Pages go back ({@code before}) or forward ({@code
 * after}) from a position; each page reads oldest to newest.
 */
@ApplicationScoped
public class ConversationHistory {
  static final String CURSOR_KIND = "history";
  private static final String PAGE =
      "select m.seq, m.id, m.sender, m.subject, m.body, m.created_at from messages m"
          + " left join deliveries d on d.message_id = m.id and d.recipient = ?"
          + " where m.conversation_id = ? and m.seq %s ?"
          + " and (m.sender = ? or d.id is not null) and d.deleted_at is null"
          + " order by m.seq %s limit ?";
  private static final String OLDER = String.format(PAGE, "<", "desc");
  private static final String NEWER = String.format(PAGE, ">", "asc");
  // only an empty page needs it: is the caller a stranger here, or just without messages?
  private static final String PARTICIPATES =
      "select exists (select 1 from messages where conversation_id = ? and sender = ?)"
          + " or exists (select 1 from deliveries where conversation_id = ? and recipient = ?)"
          + " or exists (select 1 from conversation_members"
          + " where conversation_id = ? and user_name = ?)";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject QueryTimeout timeout;

  public HistoryPage page(String id, String user, String before, String after, int limit)
      throws SQLException {
    OptionalLong older = Cursors.decode(CURSOR_KIND, before, "before");
    OptionalLong newer = Cursors.decode(CURSOR_KIND, after, "after");
    if (older.isPresent() && newer.isPresent()) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Page one way at a time.",
          List.of(new FieldError("after", "must not be given together with before")));
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean forward = newer.isPresent();
      long from = forward ? newer.getAsLong() : older.orElse(Long.MAX_VALUE);
      List<HistoryItem> items = read(connection, forward ? NEWER : OLDER, id, user, from, limit);
      if (items.isEmpty() && !participates(connection, id, user)) {
        throw ProblemException.notFound();
      }
      boolean more = items.size() > limit;
      List<HistoryItem> page = new ArrayList<>(items.subList(0, Math.min(limit, items.size())));
      if (!forward) {
        Collections.reverse(page);
      }
      return forward ? forwardPage(page, from) : backwardPage(page, more);
    }
  }

  /** Going back: older ones exist if the read found more; newer ones may arrive any time. */
  private static HistoryPage backwardPage(List<HistoryItem> page, boolean more) {
    if (page.isEmpty()) {
      return new HistoryPage(page, null, null);
    }
    return new HistoryPage(
        page, more ? cursor(page.get(0).seq()) : null, cursor(page.get(page.size() - 1).seq()));
  }

  /** Going forward: the position given is older; an empty page keeps it, to ask again later. */
  private static HistoryPage forwardPage(List<HistoryItem> page, long after) {
    if (page.isEmpty()) {
      return new HistoryPage(
          page, after < Long.MAX_VALUE ? cursor(after + 1) : null, cursor(after));
    }
    return new HistoryPage(
        page, cursor(page.get(0).seq()), cursor(page.get(page.size() - 1).seq()));
  }

  private static String cursor(long seq) {
    return Cursors.encode(CURSOR_KIND, seq);
  }

  private List<HistoryItem> read(
      Connection connection, String sql, String id, String user, long from, int limit)
      throws SQLException {
    try (PreparedStatement select = timeout.bound(connection.prepareStatement(sql))) {
      select.setString(1, user);
      select.setString(2, id);
      select.setLong(3, from);
      select.setString(4, user);
      select.setInt(5, limit + 1);
      try (ResultSet rows = select.executeQuery()) {
        List<HistoryItem> items = new ArrayList<>();
        while (rows.next()) {
          items.add(
              new HistoryItem(
                  rows.getLong(1),
                  rows.getObject(2, UUID.class),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getObject(6, OffsetDateTime.class).toInstant()));
        }
        return items;
      }
    }
  }

  private boolean participates(Connection connection, String id, String user) throws SQLException {
    try (PreparedStatement select = timeout.bound(connection.prepareStatement(PARTICIPATES))) {
      for (int i = 0; i < 3; i++) {
        select.setString(2 * i + 1, id);
        select.setString(2 * i + 2, user);
      }
      try (ResultSet row = select.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }
}
