package dev.herald.platform;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Which failures of something retried on a schedule (a probe, a refresh) are worth a log line: the
 * first, and each that differs from the one before, not one per period while a database or broker
 * is away.
 */
public final class RepeatedFailures {
  private final AtomicReference<String> last = new AtomicReference<>();

  /** Whether {@code failure} differs from the last one seen (and is worth logging). */
  public boolean changed(Throwable failure) {
    String detail = String.valueOf(failure);
    return !detail.equals(last.getAndSet(detail));
  }

  /** It works again: forgets the last failure; whether there was one. */
  public boolean recovered() {
    return last.getAndSet(null) != null;
  }
}
