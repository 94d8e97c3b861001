package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  final RetrySchedule schedule = new RetrySchedule();

  {
    schedule.maxAttempts = 5;
    schedule.firstMillis = 1_000;
    schedule.maxMillis = 10_000;
  }

  @Test
  void doublesFromTheFirstDelayUpToTheMaximum() {
    assertThat(RetrySchedule.ceilingMillis(1, 1_000, 10_000)).isEqualTo(1_000);
    assertThat(RetrySchedule.ceilingMillis(2, 1_000, 10_000)).isEqualTo(2_000);
    assertThat(RetrySchedule.ceilingMillis(4, 1_000, 10_000)).isEqualTo(8_000);
    assertThat(RetrySchedule.ceilingMillis(5, 1_000, 10_000)).isEqualTo(10_000);
    assertThat(RetrySchedule.ceilingMillis(1_000, 1_000, 10_000)).isEqualTo(10_000);
  }

  @RepeatedTest(20)
  void jittersWithinTheUpperHalfOfTheCeiling() {
    Duration wait = schedule.after(3, null).orElseThrow();
    assertThat(wait.toMillis()).isBetween(2_000L, 4_000L);
  }

  @Test
  void waitsAtLeastWhatTheReceiverAskedFor() {
    assertThat(schedule.after(1, Duration.ofSeconds(30))).contains(Duration.ofSeconds(30));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    assertThat(schedule.after(5, null)).isEmpty();
  }
}
