package dev.herald.notifications.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationPreferenceTest {
  static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
  static final QuietHours NIGHT_IN_UTC = new QuietHours("23:00", "06:00", "UTC");

  static Preferences saved(Preferences preferences) {
    NotificationPreference row = new NotificationPreference();
    row.replaceWith(preferences, NOW);
    return row.preferences();
  }

  @Test
  void givesBackEverySettingItWasSavedWith() {
    Preferences preferences =
        new Preferences(
            List.of("email", "log"),
            "bob@example.org",
            "+821012345678",
            List.of("dm-a", "g-b"),
            new QuietHours("22:00", "07:30", "Asia/Seoul"),
            15);

    assertThat(saved(preferences)).isEqualTo(preferences);
  }

  @Test
  void hasNoQuietHoursWhenNoneWereSaved() {
    Preferences preferences = new Preferences(List.of("log"), null, null, List.of(), null, 0);

    assertThat(saved(preferences).quietHours()).isNull();
  }

  @Test
  void replacesEarlierSettingsWhole() {
    NotificationPreference row = new NotificationPreference();
    row.replaceWith(
        new Preferences(List.of("sms"), null, "+15551234567", List.of("dm-a"), NIGHT_IN_UTC, 60),
        NOW);

    row.replaceWith(Preferences.defaults(), NOW.plusSeconds(60));

    assertThat(row.preferences()).isEqualTo(Preferences.defaults());
  }
}
