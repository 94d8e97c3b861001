package dev.herald.notifications.control;

import dev.herald.notifications.entity.Claimed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the alerts of one claimed batch ended, kept until they are recorded together: one transaction
 * for the batch instead of one per alert (the benchmark saw the dispatcher fall behind storage
 * while it committed alert by alert). Outcomes wait at most {@code maxWait}, a part of the lease,
 * so that a slow channel cannot hold them until another dispatcher may own the alerts.
 */
final class Settlements {
  record Settled(List<Claimed> group, Finish finish) {}

  private final long maxWaitNanos;
  private final List<Settled> pending = new ArrayList<>();
  private long firstAt;

  Settlements(Duration maxWait) {
    this.maxWaitNanos = maxWait.toNanos();
  }

  void add(List<Claimed> group, Finish finish) {
    if (pending.isEmpty()) {
      firstAt = System.nanoTime();
    }
    pending.add(new Settled(List.copyOf(group), finish));
  }

  boolean overdue() {
    return !pending.isEmpty() && System.nanoTime() - firstAt >= maxWaitNanos;
  }

  /** The outcomes kept so far; none are kept after. */
  List<Settled> take() {
    List<Settled> taken = List.copyOf(pending);
    pending.clear();
    return taken;
  }
}
