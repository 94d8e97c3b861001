package dev.herald.deadletters.control;

import dev.herald.audit.control.AuditLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
  private static final String CLAIM =
      "update rejected_records set status = 'redriving', resolved_at = now(), resolved_by = ?"
          + " where id = any(?) and (status = 'open' or (status = 'redriving'"
          + " and resolved_at < now() - interval '1 minute'))"
          + " returning id, kafka_topic, record_key, record_value";
  private static final String RESOLVE =
      "update rejected_records set status = ?, resolved_at = now(), resolved_by = ?,"
          + " resolution = ? where id = ? and status = ?";
  private static final String STATUS = "select status from rejected_records where id = ?";

  /** A claimed record, ready to be republished as it arrived. */
  public record Claimed(long id, String topic, byte[] key, byte[] value) {}

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  public List<Claimed> claim(List<Long> ids, String admin) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      claim.setString(1, admin);
      claim.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
      List<Claimed> claimed = new ArrayList<>();
      try (ResultSet rows = claim.executeQuery()) {
        while (rows.next()) {
          claimed.add(
              new Claimed(rows.getLong(1), rows.getString(2), rows.getBytes(3), rows.getBytes(4)));
        }
      }
      return claimed;
    }
  }

  /** Ends a claim: redriven after the broker's acknowledgement, back to open if it failed. */
  @Transactional(rollbackOn = Exception.class)
  public void settle(long id, String admin, boolean redriven, String detail) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      change(connection, id, redriven ? "redriven" : "open", admin, detail, "redriving");
      audit.append(
          connection,
          redriven ? "record.redriven" : "record.redrive-failed",
          admin,
          null,
          null,
          Map.of("deadLetter", id, "detail", detail));
    }
  }

  /** Returns false if the record is not open (or, with an empty status, does not exist). */
  @Transactional(rollbackOn = Exception.class)
  public boolean discard(long id, String admin, String reason) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!change(connection, id, "discarded", admin, reason, "open")) {
        return false;
      }
      audit.append(
          connection,
          "record.discarded",
          admin,
          null,
          null,
          Map.of("deadLetter", id, "reason", reason));
      return true;
    }
  }

  public Optional<String> status(long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(STATUS)) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }

  private static boolean change(
      Connection connection, long id, String to, String admin, String detail, String from)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(RESOLVE)) {
      update.setString(1, to);
      update.setString(2, admin);
      update.setString(3, detail);
      update.setLong(4, id);
      update.setString(5, from);
      return update.executeUpdate() == 1;
    }
  }
}
