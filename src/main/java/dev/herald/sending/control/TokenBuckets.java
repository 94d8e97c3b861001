package dev.herald.sending.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key, in this instance's memory: a steady rate with a burst allowance. Buckets
 * that are full again are dropped when too many keys are tracked.
 */
final class TokenBuckets {
  static final int MAX_TRACKED = 100_000;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Takes {@code tokens} from the key's bucket: 0 if taken, else the seconds until they are. */
  double take(String key, double tokens, double perSecond, double burst, LongSupplier nanoTime) {
    if (buckets.size() > MAX_TRACKED) {
      long now = nanoTime.getAsLong();
      buckets.values().removeIf(bucket -> bucket.full(now, perSecond, burst));
    }
    return buckets
        .computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()))
        .take(nanoTime.getAsLong(), tokens, perSecond, burst);
  }

  private static final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized double take(long now, double wanted, double perSecond, double burst) {
      refill(now, perSecond, burst);
      if (tokens >= wanted) {
        tokens -= wanted;
        return 0;
      }
      return (wanted - tokens) / perSecond;
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
