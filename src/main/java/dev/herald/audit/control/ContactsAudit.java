package dev.herald.audit.control;

import dev.herald.notifications.entity.ContactVerificationChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Audits each step of confirming a contact (contact.code-sent, contact.confirmed,
 * contact.code-refused) in the transaction that took it, in the user's own chain.
 */
@ApplicationScoped
public class ContactsAudit {
  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  void append(@Observes ContactVerificationChanged changed) throws SQLException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("contact", changed.contact().slug());
    details.put("address", changed.maskedAddress());
    details.putAll(changed.details());
    try (Connection connection = dataSource.getConnection()) {
      audit.append(connection, "contact." + changed.change(), changed.user(), null, null, details);
    }
  }
}
