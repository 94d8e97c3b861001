package dev.herald.inbox.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.inbox.entity.DeliveriesChanged;
import dev.herald.inbox.entity.DeliveryAction;
import dev.herald.inbox.entity.DeliveryAction.Change;
import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import dev.herald.platform.QueryParams;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One recipient's action on one delivery: a single UPDATE that changes the row only if the state
 * changes (so repeats are no-ops and write no audit row), joined to the row as it was to audit the
 * value before. A delivery deleted for the user is gone for them: every action answers 404.
 */
@ApplicationScoped
public class DeliveryStates {
  private static final String UPDATE =
      "update deliveries d set %1$s = ? from deliveries o where o.id = d.id"
          + " and d.message_id = ? and d.recipient = ? and d.deleted_at is null and %2$s"
          + " returning d.conversation_id, o.%1$s";
  private static final String EXISTS =
      "select 1 from deliveries where message_id = ? and recipient = ? and deleted_at is null";

  static final Duration MAX_SNOOZE = Duration.ofDays(365);

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<DeliveriesChanged> deliveriesChanged;

  /** Snoozes until a time in the future, at most a year ahead; else 400 naming the field. */
  public void snooze(String user, UUID messageId, String until) throws SQLException {
    Instant now = clock.instant();
    Instant time = QueryParams.instant("until", until);
    if (time == null || !time.isAfter(now) || time.isAfter(now.plus(MAX_SNOOZE))) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Snooze until a time in the future.",
          List.of(
              new FieldError(
                  "until", "must be an ISO-8601 instant after now and at most 365 days ahead")));
    }
    apply(user, messageId, DeliveryAction.SNOOZE, time);
  }

  /** Applies {@code action}; {@code until} is the time for SET (snooze), else ignored. */
  @Transactional(rollbackOn = Exception.class)
  public void apply(String user, UUID messageId, DeliveryAction action, Instant until)
      throws SQLException {
    OffsetDateTime value =
        switch (action.change()) {
          case NOW -> clock.instant().atOffset(ZoneOffset.UTC);
          case CLEAR -> null;
          case SET -> until.atOffset(ZoneOffset.UTC);
        };
    String sql = String.format(UPDATE, action.column(), action.condition());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, value, Types.TIMESTAMP_WITH_TIMEZONE);
      update.setObject(2, messageId, Types.OTHER);
      update.setString(3, user);
      if (action.change() == Change.SET) {
        update.setObject(4, value, Types.TIMESTAMP_WITH_TIMEZONE);
      }
      try (ResultSet changed = update.executeQuery()) {
        if (changed.next()) {
          Instant before = instant(changed.getObject(2, OffsetDateTime.class));
          audit.append(
              connection,
              action.auditAction(),
              user,
              messageId,
              changed.getString(1),
              details(action, before, value));
          deliveriesChanged.fire(new DeliveriesChanged(user, action, List.of(messageId)));
          return;
        }
      }
      if (!delivered(connection, user, messageId)) {
        throw ProblemException.notFound();
      }
    }
  }

  /** Before and after where they tell something: what a clear removed, what a snooze replaced. */
  private static Map<String, Object> details(
      DeliveryAction action, Instant before, OffsetDateTime after) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (action.change() == Change.SET) {
      details.put("until", after.toInstant().toString());
    }
    if (before != null && action.change() != Change.NOW) {
      details.put("before", before.toString());
    }
    return details;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static boolean delivered(Connection connection, String user, UUID messageId)
      throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement(EXISTS)) {
      exists.setObject(1, messageId, Types.OTHER);
      exists.setString(2, user);
      try (ResultSet row = exists.executeQuery()) {
        return row.next();
      }
    }
  }
}
