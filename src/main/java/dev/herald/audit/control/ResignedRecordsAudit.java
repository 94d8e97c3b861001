package dev.herald.audit.control;

import dev.herald.deadletters.entity.DeadLetterResigned;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One audit event, record.resigned, per dead letter an admin had Herald sign and republish: who
 * vouched for it and with which key, in the transaction that settles the re-drive.
 */
@ApplicationScoped
public class ResignedRecordsAudit {
  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  void append(@Observes DeadLetterResigned resigned) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      audit.append(
          connection,
          "record.resigned",
          resigned.admin(),
          null,
          null,
          Map.of("deadLetter", resigned.deadLetter(), "keyId", resigned.keyId()));
    }
  }
}
