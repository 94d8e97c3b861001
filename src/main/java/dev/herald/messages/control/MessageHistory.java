package dev.herald.messages.control;

import dev.herald.messages.entity.MessageEntry;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
import dev.herald.platform.QueryTimeout;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A user's messages, sent and received, newest first by accept time (then log order). Each half
 * reads its own index in that order and stops at the page size; the cursor is the last row's
 * (created_at, seq).
 */
@ApplicationScoped
public class MessageHistory {
  static final String CURSOR_KIND = "messages";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject QueryTimeout timeout;

  public Page<MessageEntry> page(MessageFilter filter, String cursor, int limit)
      throws SQLException {
    long[] after = Cursors.decodeAll(CURSOR_KIND, cursor, "cursor", 2);
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select *, 0 as rank from ((select ");
    sql.append(MessageRows.COLUMNS).append(" from messages m where");
    filter.sent(sql, parameters);
    keyset(sql, parameters, after, "m.created_at");
    sql.append(" order by m.created_at desc, m.seq desc limit ?) union all (select ");
    parameters.add(limit + 1);
    sql.append(MessageRows.COLUMNS)
        .append(" from deliveries d join messages m on m.id = d.message_id where");
    filter.received(sql, parameters);
    keyset(sql, parameters, after, "d.created_at");
    sql.append(" order by d.created_at desc, m.seq desc limit ?)) h");
    parameters.add(limit + 1);
    sql.append(" order by created_at desc, seq desc");
    return MessageRows.page(
        dataSource,
        timeout,
        sql,
        parameters,
        limit,
        last -> Cursors.encodeAll(CURSOR_KIND, micros(last.createdAt()), last.seq()));
  }

  /** Rows after the cursor's; the plain bound on the indexed time column lets the index stop. */
  private static void keyset(
      StringBuilder sql, List<Object> parameters, long[] after, String timeColumn) {
    if (after == null) {
      return;
    }
    Object time = MessageFilter.utc(Instant.EPOCH.plus(after[0], ChronoUnit.MICROS));
    sql.append(" and ").append(timeColumn).append(" <= ?");
    sql.append(" and (m.created_at, m.seq) < (?, ?)");
    parameters.add(time);
    parameters.add(time);
    parameters.add(after[1]);
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
