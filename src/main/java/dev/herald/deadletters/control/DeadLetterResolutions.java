package dev.herald.deadletters.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.deadletters.entity.RejectedRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Moves dead letters between states, each change audited in the same transaction. A re-drive claims
 * its records first ('redriving'), so two admins or two instances never republish one record twice;
 * a claim abandoned by a crash can be taken again after a minute.
 */
@ApplicationScoped
public class DeadLetterResolutions {
  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  /** The records of {@code ids} that could be claimed, now claimed (committed on return). */
  @Transactional(rollbackOn = Exception.class)
  public List<RejectedRecord> claim(List<Long> ids, String admin) {
    List<RejectedRecord> claimed =
        em.createNamedQuery("RejectedRecord.claimable", RejectedRecord.class)
            .setParameter("ids", ids)
            .getResultList();
    if (!claimed.isEmpty()) {
      em.createNamedQuery("RejectedRecord.claim")
          .setParameter("admin", admin)
          .setParameter("ids", claimed.stream().map(RejectedRecord::id).toList())
          .executeUpdate();
    }
    return claimed;
  }

  /**
   * Ends a claim after the broker acknowledged the record, re-signed with {@code keyId}: the admin
   * vouched for it, and the audit event names the key.
   */
  @Transactional(rollbackOn = Exception.class)
  public void redriven(long id, String admin, String keyId) throws SQLException {
    String detail = "republished, signed with key " + keyId;
    change(id, RejectedRecord.REDRIVING, RejectedRecord.REDRIVEN, admin, detail);
    audited("record.redriven", admin, Map.of("deadLetter", id, "detail", detail, "keyId", keyId));
  }

  /** Ends a claim whose republishing failed: open again. */
  @Transactional(rollbackOn = Exception.class)
  public void failed(long id, String admin, String detail) throws SQLException {
    change(id, RejectedRecord.REDRIVING, RejectedRecord.OPEN, admin, detail);
    audited("record.redrive-failed", admin, Map.of("deadLetter", id, "detail", detail));
  }

  /** Returns false if the record is not open (or, with an empty status, does not exist). */
  @Transactional(rollbackOn = Exception.class)
  public boolean discard(long id, String admin, String reason) throws SQLException {
    if (!change(id, RejectedRecord.OPEN, RejectedRecord.DISCARDED, admin, reason)) {
      return false;
    }
    audited("record.discarded", admin, Map.of("deadLetter", id, "reason", reason));
    return true;
  }

  public Optional<String> status(long id) {
    return em
        .createNamedQuery("RejectedRecord.statusOf", String.class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** One record from one status to another; a bulk update runs at once, before the audit row. */
  private boolean change(long id, String from, String to, String admin, String resolution) {
    return em.createNamedQuery("RejectedRecord.resolve")
            .setParameter("id", id)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("admin", admin)
            .setParameter("resolution", resolution)
            .executeUpdate()
        == 1;
  }

  private void audited(String action, String admin, Map<String, ?> details) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      audit.append(connection, action, admin, null, null, details);
    }
  }
}
