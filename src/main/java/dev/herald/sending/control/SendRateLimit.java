package dev.herald.sending.control;

import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per sender: a steady rate with a burst allowance. The buckets live in this
 * instance's memory, so with N instances behind a load balancer a sender gets up to N times the
 * rate (docs/decisions/0004-send-guarantees.md): a limiter shared through PostgreSQL would put the
 * database on every send's path, and sends must keep working while it is down.
 */
@ApplicationScoped
public class SendRateLimit {
  static final int MAX_TRACKED_SENDERS = 100_000;

  @Inject
  @ConfigProperty(name = "herald.messages.rate-limit.per-second", defaultValue = "50")
  double perSecond;

  @Inject
  @ConfigProperty(name = "herald.messages.rate-limit.burst", defaultValue = "100")
  double burst;

  LongSupplier nanoTime = System::nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Takes one send from the sender's bucket, or answers 429 with the seconds to wait. */
  public void acquire(String sender) {
    if (perSecond <= 0) {
      return;
    }
    if (buckets.size() > MAX_TRACKED_SENDERS) {
      long now = nanoTime.getAsLong();
      buckets.values().removeIf(bucket -> bucket.full(now, perSecond, burst));
    }
    double wait =
        buckets
            .computeIfAbsent(sender, s -> new Bucket(burst, nanoTime.getAsLong()))
            .take(nanoTime.getAsLong(), perSecond, burst);
    if (wait > 0) {
      throw ProblemException.retryLater(
          ProblemType.RATE_LIMITED,
          "At most " + perSecond + " sends per second (burst " + burst + ") per sender.",
          (long) Math.ceil(wait));
    }
  }

  private static final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    /** Returns 0 if a token was taken, else the seconds until one is available. */
    synchronized double take(long now, double perSecond, double burst) {
      refill(now, perSecond, burst);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (1 - tokens) / perSecond;
    }

    synchronized boolean full(long now, double perSecond, double burst) {
      refill(now, perSecond, burst);
      return tokens >= burst;
    }

    private void refill(long now, double perSecond, double burst) {
      tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
      updated = now;
    }
  }
}
