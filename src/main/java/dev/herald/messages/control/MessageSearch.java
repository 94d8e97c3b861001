package dev.herald.messages.control;

import dev.herald.messages.entity.MessageEntry;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
import dev.herald.platform.QueryTimeout;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * Full-text search over the messages a user may see, best match first (ts_rank, then newest in log
 * order). The text goes through herald_search_query, the function that built the documents' vectors
 * (V6): english stems for words, character bigrams for Hangul, kana and Han. The cursor is the last
 * row's (rank as float bits, seq).
 */
@ApplicationScoped
public class MessageSearch {
  static final String CURSOR_KIND = "search";
  // a scalar subquery is computed once and lets the planner use the GIN index
  private static final String QUERY = "(select q from q)";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject QueryTimeout timeout;

  public Page<MessageEntry> page(MessageFilter filter, String text, String cursor, int limit)
      throws SQLException {
    long[] after = Cursors.decodeAll(CURSOR_KIND, cursor, "cursor", 2);
    List<Object> parameters = new ArrayList<>();
    parameters.add(text);
    StringBuilder sql =
        new StringBuilder("with q as materialized (select herald_search_query(?) as q)")
            .append(" select * from (");
    half(sql, " from messages m where", filter::sent, parameters);
    sql.append(" union all");
    half(
        sql,
        " from deliveries d join messages m on m.id = d.message_id where",
        filter::received,
        parameters);
    sql.append(") r");
    after(sql, after, parameters);
    sql.append(" order by rank desc, seq desc");
    return MessageRows.page(
        dataSource,
        timeout,
        sql,
        parameters,
        limit,
        last -> Cursors.encodeAll(CURSOR_KIND, Float.floatToIntBits(last.rank()), last.seq()));
  }

  /** Past the cursor's row: lower rank, or the same rank and older. */
  private static void after(StringBuilder sql, long[] cursor, List<Object> parameters) {
    if (cursor != null) {
      float rank = Float.intBitsToFloat((int) cursor[0]);
      sql.append(" where rank < ? or (rank = ? and seq < ?)");
      parameters.add(rank);
      parameters.add(rank);
      parameters.add(cursor[1]);
    }
  }

  private static void half(
      StringBuilder sql,
      String from,
      BiConsumer<StringBuilder, List<Object>> conditions,
      List<Object> parameters) {
    sql.append(" select ")
        .append(MessageRows.COLUMNS)
        .append(", ts_rank(m.search, ")
        .append(QUERY)
        .append(") as rank")
        .append(from);
    conditions.accept(sql, parameters);
    sql.append(" and m.search @@ ").append(QUERY);
  }
}
