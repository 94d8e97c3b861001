package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendWindowTest {
  final AtomicLong now = new AtomicLong(Long.MAX_VALUE - Duration.ofSeconds(20).toNanos());
  final SendWindow window = new SendWindow(Duration.ofSeconds(60), now::get);

  @Test
  void letsSendsStartInTheFirstHalfOfTheLease() {
    now.addAndGet(Duration.ofSeconds(29).toNanos());

    assertThat(window.open()).isTrue();
  }

  @Test
  void closesHalfWayThroughTheLeaseEvenWhenTheNanoClockWrapsAround() {
    now.addAndGet(Duration.ofSeconds(30).toNanos());

    assertThat(window.open()).isFalse();
  }
}
