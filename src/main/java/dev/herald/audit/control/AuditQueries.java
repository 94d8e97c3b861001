package dev.herald.audit.control;

import dev.herald.audit.entity.AuditEntry;
import dev.herald.platform.Cursors;
import dev.herald.platform.Page;
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
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit log for auditors, newest first, filtered by message, conversation, actor and time. One
 * query per page; each equality filter has an index on (column, id) that serves the order, time
 * bounds a BRIN index on occurred_at.
 */
@ApplicationScoped
public class AuditQueries {
  static final String CURSOR_KIND = "audit";
  private static final String SELECT =
      "select id, occurred_at, action, actor, message_id, conversation_id, details::text, chain,"
          + " chain_seq, hash from audit_events where id < ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject QueryTimeout timeout;

  public Page<AuditEntry> find(AuditFilter filter, String cursor, int limit) throws SQLException {
    long before = Cursors.decode(CURSOR_KIND, cursor, "cursor").orElse(Long.MAX_VALUE);
    List<Object> parameters = new ArrayList<>(List.of(before));
    StringBuilder sql = new StringBuilder(SELECT);
    filter.where(sql, parameters);
    // With a time bound the planner would walk the primary key backwards and filter, expecting
    // matches spread evenly over ids; they are not (ids follow time), and a window a week back
    // took seconds. "+ 0" hides that order from it: it sorts what the BRIN index on occurred_at
    // (or an equality filter's index) finds instead (decision 0007).
    sql.append(filter.timed() ? " order by id + 0 desc limit ?" : " order by id desc limit ?");
    parameters.add(limit + 1);
    List<AuditEntry> entries = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = timeout.bound(connection.prepareStatement(sql.toString()))) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          entries.add(entry(rows));
        }
      }
    }
    if (entries.size() <= limit) {
      return new Page<>(entries, null);
    }
    List<AuditEntry> page = entries.subList(0, limit);
    return new Page<>(List.copyOf(page), Cursors.encode(CURSOR_KIND, page.get(limit - 1).id()));
  }

  private static AuditEntry entry(ResultSet rows) throws SQLException {
    return new AuditEntry(
        rows.getLong(1),
        rows.getObject(2, OffsetDateTime.class).toInstant(),
        rows.getString(3),
        rows.getString(4),
        rows.getObject(5, java.util.UUID.class),
        rows.getString(6),
        rows.getString(7),
        rows.getString(8),
        rows.getLong(9),
        HexFormat.of().formatHex(rows.getBytes(10)));
  }
}
