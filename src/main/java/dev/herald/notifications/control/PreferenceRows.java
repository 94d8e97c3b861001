package dev.herald.notifications.control;

import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.QuietHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Reads notification_preferences columns (as PREFERENCE_COLUMNS selects them) into Preferences. */
final class PreferenceRows {
  /** Select list over notification_preferences as {@code p}; all null when the user has no row. */
  static final String COLUMNS =
      "p.user_name as p_user, p.channels, p.email, p.phone, p.muted_conversations,"
          + " to_char(p.quiet_start, 'HH24:MI') as quiet_start,"
          + " to_char(p.quiet_end, 'HH24:MI') as quiet_end, p.quiet_zone, p.digest_minutes";

  private PreferenceRows() {}

  static Preferences read(ResultSet row) throws SQLException {
    if (row.getString("p_user") == null) {
      return Preferences.defaults();
    }
    String zone = row.getString("quiet_zone");
    QuietHours quiet =
        zone == null
            ? null
            : new QuietHours(row.getString("quiet_start"), row.getString("quiet_end"), zone);
    return new Preferences(
        strings(row, "channels"),
        row.getString("email"),
        row.getString("phone"),
        strings(row, "muted_conversations"),
        quiet,
        row.getInt("digest_minutes"));
  }

  private static List<String> strings(ResultSet row, String column) throws SQLException {
    java.sql.Array array = row.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
