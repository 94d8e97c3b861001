package dev.herald.notifications.control;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The first half of a claimed batch's lease, the part in which a send may still start. A batch is
 * sent alert by alert; with a slow channel its last alerts would be sent after the lease ran out,
 * when another instance may have claimed and sent them already. Measured on this JVM's monotonic
 * clock from before the claim, so it ends no later than the lease the database set, whatever the
 * two clocks say; the other half leaves room for the send in flight and the outcome's record.
 */
final class SendWindow {
  private final LongSupplier nanoTime;
  private final long endsAt;

  SendWindow(Duration lease, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.endsAt = nanoTime.getAsLong() + lease.toNanos() / 2;
  }

  /** Opens now, for a batch about to be claimed with this lease. */
  static SendWindow beforeClaim(Duration lease) {
    return new SendWindow(lease, System::nanoTime);
  }

  boolean open() {
    return nanoTime.getAsLong() - endsAt < 0;
  }
}
