package dev.herald.notifications.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.notifications.entity.NotificationPreference;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.PreferencesAnswer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Users' notification preferences. Saving them also makes the user's deferred alerts due at once,
 * so they are decided again by the new preferences (quiet hours removed: sent now). Saving another
 * email address or phone number than the one confirmed makes it unconfirmed (ContactVerification).
 */
@ApplicationScoped
public class PreferencesStore {
  private static final String REDECIDE =
      "update notifications set next_attempt_at = now(), updated_at = now()"
          + " where recipient = ? and status = 'deferred' and claimed_until is null";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;
  @Inject Clock clock;

  public PreferencesAnswer find(String user) {
    NotificationPreference saved = em.find(NotificationPreference.class, user);
    return saved == null
        ? PreferencesAnswer.of(Preferences.defaults(), false, false)
        : saved.answer();
  }

  @Transactional(rollbackOn = Exception.class)
  public PreferencesAnswer save(String user, Preferences preferences) throws SQLException {
    em.createNamedQuery("NotificationPreference.insertIfAbsent")
        .setParameter("userName", user)
        .executeUpdate();
    NotificationPreference saved =
        em.find(NotificationPreference.class, user, LockModeType.PESSIMISTIC_WRITE);
    saved.replaceWith(preferences, clock.instant());
    // in the database before the statements below, which use the transaction's connection too
    em.flush();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement redecide = connection.prepareStatement(REDECIDE)) {
        redecide.setString(1, user);
        redecide.executeUpdate();
      }
      audit.append(
          connection,
          "preferences.updated",
          user,
          null,
          null,
          Map.of(
              "channels",
              preferences.channels(),
              "muted",
              preferences.mutedConversationIds().size(),
              "digestMinutes",
              preferences.digestMinutes()));
    }
    return saved.answer();
  }
}
