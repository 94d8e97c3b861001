package dev.herald.storing.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void growsExponentiallyWithJitterUpToTheCap() {
    for (int i = 0; i < 100; i++) {
      assertThat(Backoff.delayMillis(1)).isBetween(50L, 100L);
      assertThat(Backoff.delayMillis(4)).isBetween(400L, 800L);
      assertThat(Backoff.delayMillis(50)).isBetween(5_000L, 10_000L);
    }
  }

  @Test
  void stopsWaitingWhenInterrupted() {
    Backoff backoff = new Backoff();
    backoff.interrupt();
    assertThat(backoff.pause(30)).isFalse();
  }
}
