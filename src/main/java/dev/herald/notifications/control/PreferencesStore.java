package dev.herald.notifications.control;

import dev.herald.audit.control.AuditLog;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.QuietHours;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Users' notification preferences. Saving them also makes the user's deferred alerts due at once,
 * so they are decided again by the new preferences (quiet hours removed: sent now).
 */
@ApplicationScoped
public class PreferencesStore {
  private static final String FIND =
      "select " + PreferenceRows.COLUMNS + " from notification_preferences p where p.user_name = ?";
  private static final String SAVE =
      "insert into notification_preferences as p (user_name, channels, email, phone,"
          + " muted_conversations, quiet_start, quiet_end, quiet_zone, digest_minutes, updated_at)"
          + " values (?, ?::varchar[], ?, ?, ?::varchar[], ?::time, ?::time, ?, ?, now())"
          + " on conflict (user_name) do update set channels = excluded.channels,"
          + " email = excluded.email, phone = excluded.phone,"
          + " muted_conversations = excluded.muted_conversations,"
          + " quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,"
          + " quiet_zone = excluded.quiet_zone, digest_minutes = excluded.digest_minutes,"
          + " updated_at = now()";
  private static final String REDECIDE =
      "update notifications set next_attempt_at = now(), updated_at = now()"
          + " where recipient = ? and status = 'deferred' and claimed_until is null";

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject AuditLog audit;

  public Preferences find(String user) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement find = connection.prepareStatement(FIND)) {
      find.setString(1, user);
      try (ResultSet row = find.executeQuery()) {
        return row.next() ? PreferenceRows.read(row) : Preferences.defaults();
      }
    }
  }

  @Transactional(rollbackOn = Exception.class)
  public Preferences save(String user, Preferences preferences) throws SQLException {
    QuietHours quiet = preferences.quietHours();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement save = connection.prepareStatement(SAVE)) {
        save.setString(1, user);
        save.setArray(2, connection.createArrayOf("varchar", preferences.channels().toArray()));
        save.setString(3, preferences.email());
        save.setString(4, preferences.phone());
        save.setArray(
            5, connection.createArrayOf("varchar", preferences.mutedConversationIds().toArray()));
        save.setString(6, quiet == null ? null : quiet.start());
        save.setString(7, quiet == null ? null : quiet.end());
        save.setString(8, quiet == null ? null : quiet.timeZone());
        save.setInt(9, preferences.digestMinutes());
        save.executeUpdate();
      }
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
    return preferences;
  }
}
