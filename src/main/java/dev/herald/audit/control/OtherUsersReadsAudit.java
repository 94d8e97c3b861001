package dev.herald.audit.control;

import dev.herald.messages.entity.OtherUsersMessagesRead;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One audit event, messages.read-by-auditor, for each read of another user's history or search,
 * committed before the read runs: auditors are audited too. It names whose messages and the
 * criteria (the search text included); the chain is the conversation's, if one was named, else the
 * auditor's bucket.
 */
@ApplicationScoped
public class OtherUsersReadsAudit {
  static final String ACTION = "messages.read-by-auditor";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  @Transactional(rollbackOn = Exception.class)
  public void append(@Observes OtherUsersMessagesRead read) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      audit.append(connection, ACTION, read.auditor(), null, read.conversationId(), details(read));
    }
  }

  static Map<String, Object> details(OtherUsersMessagesRead read) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("user", read.user());
    details.put("view", read.view());
    putIfPresent(details, "query", read.query());
    putIfPresent(details, "with", read.with());
    putIfPresent(details, "after", text(read.after()));
    putIfPresent(details, "before", text(read.before()));
    return details;
  }

  private static void putIfPresent(Map<String, Object> details, String name, String value) {
    if (value != null) {
      details.put(name, value);
    }
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
