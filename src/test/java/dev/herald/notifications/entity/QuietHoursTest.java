package dev.herald.notifications.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  static final QuietHours NIGHT_IN_SEOUL = new QuietHours("22:00", "07:00", "Asia/Seoul");

  @Test
  void endsTheNextMorningWhenItIsLateEvening() {
    // 23:30 in Seoul (UTC+9)
    assertThat(NIGHT_IN_SEOUL.endAround(Instant.parse("2026-03-10T14:30:00Z")))
        .contains(Instant.parse("2026-03-10T22:00:00Z"));
  }

  @Test
  void endsThisMorningWhenItIsAfterMidnight() {
    // 03:00 in Seoul
    assertThat(NIGHT_IN_SEOUL.endAround(Instant.parse("2026-03-10T18:00:00Z")))
        .contains(Instant.parse("2026-03-10T22:00:00Z"));
  }

  @Test
  void isNotQuietDuringTheDayOrAtTheEndItself() {
    assertThat(NIGHT_IN_SEOUL.endAround(Instant.parse("2026-03-10T03:00:00Z"))).isEmpty();
    assertThat(NIGHT_IN_SEOUL.endAround(Instant.parse("2026-03-10T22:00:00Z"))).isEmpty();
  }

  @Test
  void handlesAWindowWithinOneDay() {
    QuietHours lunch = new QuietHours("12:00", "13:00", "UTC");
    assertThat(lunch.endAround(Instant.parse("2026-03-10T12:15:00Z")))
        .contains(Instant.parse("2026-03-10T13:00:00Z"));
    assertThat(lunch.endAround(Instant.parse("2026-03-10T11:59:00Z"))).isEmpty();
  }

  @Test
  void endsAtTheLocalTimeAcrossADaylightSavingChange() {
    // New York springs forward on 2026-03-08: 07:00 is UTC-4 that morning, not UTC-5
    QuietHours night = new QuietHours("22:00", "07:00", "America/New_York");
    assertThat(night.endAround(Instant.parse("2026-03-08T04:00:00Z")))
        .contains(Instant.parse("2026-03-08T11:00:00Z"));
  }
}
