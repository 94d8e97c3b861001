package dev.herald.messages.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.messages.entity.MessageEnvelope;
import dev.herald.messages.entity.RecordCoordinates;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Stores a message, its deliveries and its audit row in one transaction, idempotently by message
 * id: a redelivered or re-produced record changes nothing.
 */
@ApplicationScoped
public class MessageStore {
  private static final String INSERT_MESSAGE =
      "insert into messages (id, conversation_id, sender, subject, body, created_at, kafka_topic,"
          + " kafka_partition, kafka_offset) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " on conflict (id) do nothing";
  private static final String INSERT_DELIVERY =
      "insert into deliveries (message_id, recipient) values (?, ?) on conflict do nothing";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;
  @Inject SendOutcomes outcomes;

  /** Returns false when the message was stored before, or withdrawn by the API. */
  @Transactional(rollbackOn = Exception.class)
  public boolean store(MessageEnvelope message, RecordCoordinates at) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!outcomes.claimForStorage(connection, message.id())
          || !insertMessage(connection, message, at)) {
        return false;
      }
      insertDeliveries(connection, message);
      audit.append(
          connection,
          "message.stored",
          message.sender(),
          message.id(),
          message.conversationId(),
          Map.of(
              "recipients",
              message.to().size(),
              "partition",
              at.partition(),
              "offset",
              at.offset()));
      return true;
    }
  }

  private static boolean insertMessage(
      Connection connection, MessageEnvelope m, RecordCoordinates at) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_MESSAGE)) {
      insert.setObject(1, m.id(), Types.OTHER);
      insert.setString(2, m.conversationId());
      insert.setString(3, m.sender());
      insert.setString(4, m.subject());
      insert.setString(5, m.body());
      insert.setObject(6, OffsetDateTime.ofInstant(m.acceptedAt(), ZoneOffset.UTC));
      insert.setString(7, at.topic());
      insert.setInt(8, at.partition());
      insert.setLong(9, at.offset());
      return insert.executeUpdate() == 1;
    }
  }

  private static void insertDeliveries(Connection connection, MessageEnvelope m)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_DELIVERY)) {
      for (String recipient : m.to()) {
        insert.setObject(1, m.id(), Types.OTHER);
        insert.setString(2, recipient);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
