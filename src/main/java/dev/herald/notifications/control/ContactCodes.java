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
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The contact_codes table on the caller's transaction's connection: the codes sent, which is the
 * current one of a contact, and how many went out since a time. Only a hash of each code is kept.
 */
final class ContactCodes {
  /** A contact's newest unused code. */
  record Code(UUID id, String address, byte[] hash, Instant expiresAt, int tries) {
    boolean matches(String code) {
      return MessageDigest.isEqual(hash, ContactCodes.hash(id, code));
    }
  }

  /** How many codes went out since a time, and when the oldest of them did. */
  record Sent(int count, Instant oldest) {}

  private static final String CURRENT =
      "select id, address, code_hash, expires_at, tries from contact_codes"
          + " where user_name = ? and contact = ? and used_at is null"
          + " order by created_at desc limit 1";
  private static final String BY_USER =
      "select count(*), min(created_at) from contact_codes where user_name = ? and created_at > ?";
  private static final String TO_ADDRESS =
      "select count(*), min(created_at) from contact_codes where address = ? and created_at > ?";
  private static final String LAST =
      "select max(created_at) from contact_codes where user_name = ? and contact = ?";
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

  static Sent byUser(Connection connection, String user, Instant since) throws SQLException {
    return count(connection, BY_USER, user, since);
  }

  static Sent toAddress(Connection connection, String address, Instant since) throws SQLException {
    return count(connection, TO_ADDRESS, address, since);
  }

  /** When the contact's last code went out, if one did. */
  static Optional<Instant> lastSent(Connection connection, String user, Contact contact)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(LAST)) {
      select.setString(1, user);
      select.setString(2, contact.slug());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return Optional.ofNullable(row.getObject(1, OffsetDateTime.class))
            .map(OffsetDateTime::toInstant);
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
    update(connection, SUPERSEDE, at(now), user, contact.slug());
    update(connection, FORGET, user, at(now.minusSeconds(2 * 86_400)));
    UUID id = UUID.randomUUID();
    update(
        connection,
        INSERT,
        id,
        user,
        contact.slug(),
        address,
        hash(id, code),
        at(now),
        at(expiresAt));
  }

  static void tried(Connection connection, UUID id) throws SQLException {
    update(connection, TRIED, id);
  }

  static void used(Connection connection, UUID id, Instant now) throws SQLException {
    update(connection, USED, at(now), id);
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

  private static Sent count(Connection connection, String sql, String key, Instant since)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, key);
      select.setObject(2, at(since));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
        return new Sent(row.getInt(1), oldest == null ? null : oldest.toInstant());
      }
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

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
