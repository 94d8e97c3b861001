package dev.herald.live.control;

import dev.herald.live.entity.StreamTicket;
import dev.herald.live.entity.Viewer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stream tickets, for clients that cannot send an Authorization header (a browser's EventSource): a
 * random ticket that opens one stream, once, within seconds, so a URL that carries it and lands in
 * a log is worth nothing. Only the ticket's hash is stored, in PostgreSQL, so any instance can
 * redeem it.
 */
@ApplicationScoped
public class StreamTickets {
  private static final String ISSUE =
      "insert into live_tickets (ticket_hash, user_name, token_expires_at, expires_at)"
          + " values (?, ?, ?, ?)";
  private static final String REDEEM =
      "delete from live_tickets where ticket_hash = ? returning user_name, token_expires_at,"
          + " expires_at";
  private final SecureRandom random = new SecureRandom();

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.live.ticket-seconds", defaultValue = "30")
  long ticketSeconds;

  public StreamTicket issue(Viewer viewer) throws SQLException {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = clock.instant().plus(Duration.ofSeconds(ticketSeconds));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(ISSUE)) {
      insert.setBytes(1, hash(ticket));
      insert.setString(2, viewer.user());
      insert.setObject(3, viewer.until().atOffset(ZoneOffset.UTC));
      insert.setObject(4, expiresAt.atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
    return new StreamTicket(ticket, expiresAt);
  }

  /** The viewer a ticket was issued to, if it is unused and unexpired; it is used up either way. */
  public Optional<Viewer> redeem(String ticket) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(REDEEM)) {
      delete.setBytes(1, hash(ticket));
      try (ResultSet row = delete.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Instant expiresAt = row.getObject(3, OffsetDateTime.class).toInstant();
        if (!clock.instant().isBefore(expiresAt)) {
          return Optional.empty();
        }
        return Optional.of(
            new Viewer(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant()));
      }
    }
  }

  private static byte[] hash(String ticket) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
