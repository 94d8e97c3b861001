package dev.herald.sending.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendRateLimitTest {
  final SendRateLimit limit = new SendRateLimit();
  long now = 1_000_000_000L;

  @BeforeEach
  void configure() {
    limit.perSecond = 2;
    limit.burst = 3;
    limit.recipientsPerSecond = 10;
    limit.recipientsBurst = 20;
    limit.nanoTime = () -> now;
  }

  void sends(String sender, int times) {
    for (int i = 0; i < times; i++) {
      limit.acquire(sender);
    }
  }

  @Test
  void allowsTheBurstThenRefusesWithTheSecondsToWait() {
    sends("alice", 3);

    assertThatThrownBy(() -> limit.acquire("alice"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).endsWith(ProblemType.RATE_LIMITED.slug());
              assertThat(e.retryAfterSeconds()).isEqualTo(1);
            });
  }

  @Test
  void refillsAtTheConfiguredRate() {
    sends("alice", 3);
    now += 500_000_000L;

    assertThatCode(() -> limit.acquire("alice")).doesNotThrowAnyException();
    assertThatThrownBy(() -> limit.acquire("alice")).isInstanceOf(ProblemException.class);
  }

  @Test
  void countsEachSenderSeparately() {
    sends("alice", 3);

    assertThatCode(() -> sends("bob", 3)).doesNotThrowAnyException();
  }

  @Test
  void countsRecipientsNotOnlySends() {
    limit.acquireRecipients("alice", 15);

    assertThatThrownBy(() -> limit.acquireRecipients("alice", 6))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
    assertThatCode(() -> limit.acquireRecipients("alice", 5)).doesNotThrowAnyException();
  }

  @Test
  void neverLimitsWhenTheRateIsZero() {
    limit.perSecond = 0;

    assertThatCode(() -> sends("alice", 1000)).doesNotThrowAnyException();
  }
}
