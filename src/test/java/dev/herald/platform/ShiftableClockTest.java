package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ShiftableClockTest {
  static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

  @Test
  void runsWithItsBaseUntilShiftedAndAfterAReset() {
    ShiftableClock clock = new ShiftableClock(Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(clock.instant()).isEqualTo(NOW);

    clock.shift(Duration.ofHours(2));
    assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(clock.offset()).isEqualTo(Duration.ofHours(2));

    clock.shift(Duration.ZERO);
    assertThat(clock.instant()).isEqualTo(NOW);
  }
}
