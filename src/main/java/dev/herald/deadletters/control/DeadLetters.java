package dev.herald.deadletters.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.storing.entity.RecordCoordinates;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** Keeps records that cannot be stored, once each, however often Kafka redelivers them. */
@ApplicationScoped
public class DeadLetters {
  static final int MAX_ERROR_CHARS = 2_000;
  private static final String INSERT =
      "insert into rejected_records (kafka_topic, kafka_partition, kafka_offset, record_key,"
          + " record_value, reason, error) values (?, ?, ?, ?, ?, ?, ?)"
          + " on conflict (kafka_topic, kafka_partition, kafka_offset) do nothing";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  @Transactional(rollbackOn = Exception.class)
  public void reject(
      RecordCoordinates at, byte[] key, byte[] value, RejectReason reason, String error)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, at.topic());
      insert.setInt(2, at.partition());
      insert.setLong(3, at.offset());
      insert.setBytes(4, key);
      insert.setBytes(5, value);
      insert.setString(6, reason.name());
      insert.setString(7, printable(error == null ? reason.name() : error));
      if (insert.executeUpdate() == 1) {
        audit.append(
            connection,
            "record.rejected",
            "system",
            null,
            null,
            Map.of(
                "reason",
                reason.name(),
                "topic",
                at.topic(),
                "partition",
                at.partition(),
                "offset",
                at.offset()));
      }
    }
  }

  /** Error texts may quote the bad input; keep them storable and short. */
  static String printable(String error) {
    String text = error.replace('\u0000', '?');
    return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
  }
}
