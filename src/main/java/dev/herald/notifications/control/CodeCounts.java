package dev.herald.notifications.control;

import dev.herald.notifications.entity.Contact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How many verification codes went out (contact_codes, owned with ContactCodes), read on the
 * caller's transaction's connection: what CodeLimits decides by.
 */
final class CodeCounts {
  /** How many codes went out since a time, and when the oldest of them did. */
  record Sent(int count, Instant oldest) {}

  private static final String BY_USER =
      "select count(*), min(created_at) from contact_codes where user_name = ? and created_at > ?";
  private static final String TO_ADDRESS =
      "select count(*), min(created_at) from contact_codes where address = ? and created_at > ?";
  private static final String LAST =
      "select max(created_at) from contact_codes where user_name = ? and contact = ?";

  private CodeCounts() {}

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

  private static Sent count(Connection connection, String sql, String key, Instant since)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, key);
      select.setObject(2, Outbox.at(since));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
        return new Sent(row.getInt(1), oldest == null ? null : oldest.toInstant());
      }
    }
  }
}
