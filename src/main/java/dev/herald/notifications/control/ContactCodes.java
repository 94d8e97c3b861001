package dev.herald.notifications.control;

import dev.herald.notifications.entity.Contact;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The contact_codes table on the caller's transaction's connection: the codes sent and which is the
 * current one of a contact (how many went out: CodeCounts). Only a hash of each code is kept.
 */
final class ContactCodes {
  /** A contact's newest unused code. */
  record Code(UUID id, String address, byte[] hash, Instant expiresAt, int tries) {
    boolean matches(String code) {
      return MessageDigest.isEqual(hash, ContactCodes.hash(id, code));
    }
  }

  private static final String CURRENT =
      "select id, address, code_hash, expires_at, tries from contact_codes"
          + " where user_name = ? and contact = ? and used_at is null"
          + " order by created_at desc limit 1";
  private static final String INSERT =
      "insert into contact_codes (id, user_name, contact, address, code_hash, created_at,"
          + " expires_at) values (?, ?, ?, ?, ?, ?, ?)";
  private static final String SUPERSEDE =
      "update contact_codes set used_at = ? where user_name = ? and contact = ? and used_at is null";
  private static final String TRIED = "update contact_codes set tries = tries + 1 where id = ?";
  private static final String USED = "update contact_codes set used_at = ? where id = ?";
  // the counts look back a day: older rows only take space
  private static final String FORGET =
      "delete from contact_codes where user_name = ? and created_at < ?";

  private ContactCodes() {}

  static Optional<Code> current(Connection connection, String user, Contact contact)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(CURRENT)) {
      select.setString(1, user);
      select.setString(2, contact.slug());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Code(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getBytes(3),
                row.getObject(4, OffsetDateTime.class).toInstant(),
                row.getInt(5)));
      }
    }
  }

  /** Stores a new code as the contact's current one; earlier codes stop counting as current. */
  static void insert(
      Connection connection,
      String user,
      Contact contact,
      String address,
      String code,
      Instant now,
      Instant expiresAt)
      throws SQLException {
    update(connection, SUPERSEDE, Outbox.at(now), user, contact.slug());
    update(connection, FORGET, user, Outbox.at(now.minusSeconds(2 * 86_400)));
    UUID id = UUID.randomUUID();
    update(
        connection,
        INSERT,
        id,
        user,
        contact.slug(),
        address,
        hash(id, code),
        Outbox.at(now),
        Outbox.at(expiresAt));
  }

  static void tried(Connection connection, UUID id) throws SQLException {
    update(connection, TRIED, id);
  }

  static void used(Connection connection, UUID id, Instant now) throws SQLException {
    update(connection, USED, Outbox.at(now), id);
  }

  static byte[] hash(UUID id, String code) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          ByteBuffer.allocate(16)
              .putLong(id.getMostSignificantBits())
              .putLong(id.getLeastSignificantBits())
              .array());
      return sha.digest(code.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object parameter = parameters[i];
        if (parameter instanceof UUID) {
          statement.setObject(i + 1, parameter, Types.OTHER);
        } else {
          statement.setObject(i + 1, parameter);
        }
      }
      statement.executeUpdate();
    }
  }
}
