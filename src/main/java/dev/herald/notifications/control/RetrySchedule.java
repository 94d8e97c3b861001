package dev.herald.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When to try a failed send again: exponential backoff from the first delay, doubling up to the
 * maximum, with jitter (half fixed, half random) so that alerts failing together do not retry in
 * lock step; none after the last attempt.
 */
@ApplicationScoped
public class RetrySchedule {
  @Inject
  @ConfigProperty(name = "herald.notifications.max-attempts", defaultValue = "8")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "herald.notifications.backoff-first-ms", defaultValue = "1000")
  long firstMillis;

  @Inject
  @ConfigProperty(name = "herald.notifications.backoff-max-ms", defaultValue = "900000")
  long maxMillis;

  /** The wait after {@code attempts} failed sends; empty when that was the last attempt. */
  public Optional<Duration> after(int attempts, Duration notBefore) {
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    long ceiling = ceilingMillis(attempts, firstMillis, maxMillis);
    long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    Duration wait = Duration.ofMillis(delay);
    return Optional.of(notBefore != null && notBefore.compareTo(wait) > 0 ? notBefore : wait);
  }

  static long ceilingMillis(int attempts, long first, long max) {
    int doublings = Math.max(0, Math.min(attempts - 1, 40));
    long ceiling = first;
    for (int i = 0; i < doublings && ceiling < max; i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, max);
  }
}
