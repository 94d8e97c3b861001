package dev.herald.sending.control;

import dev.herald.sending.entity.IdempotencyClaim;
import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.sending.entity.SendReceipt;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Remembers, per sender and Idempotency-Key, which message a request became. The row is claimed
 * before publishing and marked accepted after the broker's acknowledgement; a claim left pending by
 * a crashed instance can be taken over once its lease ran out, reusing the same message id so the
 * consumer still stores the message once.
 */
@ApplicationScoped
public class IdempotencyKeys {
  static final Duration RETENTION = Duration.ofHours(24);
  static final Duration LEASE = Duration.ofSeconds(30);

  private static final String CLAIM =
      "insert into idempotency_keys (sender, idempotency_key, request_hash, message_id,"
          + " conversation_id, accepted_at, state, claimed_until)"
          + " values (?, ?, ?, ?, ?, ?, 'pending', now() + ?::interval)"
          + " on conflict (sender, idempotency_key) do nothing";
  private static final String READ =
      "select request_hash, message_id, conversation_id, accepted_at, state,"
          + " claimed_until < now(), created_at < now() - ?::interval"
          + " from idempotency_keys where sender = ? and idempotency_key = ? for update";
  private static final String FORGET =
      "delete from idempotency_keys where sender = ? and idempotency_key = ?";
  private static final String RENEW =
      "update idempotency_keys set claimed_until = now() + ?::interval, message_id = ?"
          + " where sender = ? and idempotency_key = ?";
  private static final String ACCEPTED =
      "update idempotency_keys set state = 'accepted' where sender = ? and idempotency_key = ?";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  /**
   * Claims the key for {@code fresh}, or tells what an earlier request with the same key became.
   * {@code reusable} says whether an abandoned claim's message id may be published again.
   */
  @Transactional(rollbackOn = Exception.class)
  public IdempotencyClaim claim(
      String key, byte[] requestHash, MessageEnvelope fresh, IdReuse reusable) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (insert(connection, key, requestHash, fresh)) {
        return new IdempotencyClaim.Fresh(fresh);
      }
      try (PreparedStatement read = connection.prepareStatement(READ)) {
        read.setString(1, RETENTION.toSeconds() + " seconds");
        read.setString(2, fresh.sender());
        read.setString(3, key);
        try (ResultSet row = read.executeQuery()) {
          if (!row.next()) {
            // forgotten between our insert and this read: the caller may simply try again
            return new IdempotencyClaim.InProgress();
          }
          if (row.getBoolean(7)) {
            execute(connection, FORGET, fresh.sender(), key);
            insert(connection, key, requestHash, fresh);
            return new IdempotencyClaim.Fresh(fresh);
          }
          if (!Arrays.equals(row.getBytes(1), requestHash)) {
            return new IdempotencyClaim.Mismatch();
          }
          SendReceipt earlier =
              new SendReceipt(
                  row.getObject(2, UUID.class), row.getString(3), row.getTimestamp(4).toInstant());
          if ("accepted".equals(row.getString(5))) {
            return new IdempotencyClaim.Replay(earlier);
          }
          if (!row.getBoolean(6)) {
            return new IdempotencyClaim.InProgress();
          }
          return new IdempotencyClaim.Fresh(takeOver(connection, key, earlier, fresh, reusable));
        }
      }
    }
  }

  public void accepted(String sender, String key) throws SQLException {
    update(ACCEPTED, sender, key);
  }

  /** The send was not accepted: a retry with this key starts afresh. */
  public void release(String sender, String key) throws SQLException {
    update(FORGET, sender, key);
  }

  /** Decides whether a message id from an abandoned claim may be published again. */
  @FunctionalInterface
  public interface IdReuse {
    boolean allowed(UUID messageId) throws SQLException;
  }

  private MessageEnvelope takeOver(
      Connection connection,
      String key,
      SendReceipt earlier,
      MessageEnvelope fresh,
      IdReuse reusable)
      throws SQLException {
    MessageEnvelope envelope =
        reusable.allowed(earlier.id())
            ? fresh.withIdentity(earlier.id(), earlier.acceptedAt())
            : fresh.withIdentity(fresh.id(), earlier.acceptedAt());
    execute(connection, RENEW, LEASE.toSeconds() + " seconds", envelope.id(), fresh.sender(), key);
    return envelope;
  }

  private static boolean insert(
      Connection connection, String key, byte[] requestHash, MessageEnvelope m)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
      insert.setString(1, m.sender());
      insert.setString(2, key);
      insert.setBytes(3, requestHash);
      insert.setObject(4, m.id(), Types.OTHER);
      insert.setString(5, m.conversationId());
      insert.setTimestamp(6, Timestamp.from(m.acceptedAt()));
      insert.setString(7, LEASE.toSeconds() + " seconds");
      return insert.executeUpdate() == 1;
    }
  }

  private void update(String sql, String sender, String key) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      execute(connection, sql, sender, key);
    }
  }

  private static void execute(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
