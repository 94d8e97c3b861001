package dev.herald.notifications.control;

import java.time.Instant;
import java.util.UUID;

/**
 * How a claimed notification ends this round; {@code nextAttemptAt} only for pending/deferred.
 * {@link AlertOutcomes} records it.
 */
record Finish(
    String status,
    Instant nextAttemptAt,
    String error,
    String providerMessageId,
    boolean attempted,
    UUID digestId) {
  static Finish sent(String providerMessageId, UUID notificationId) {
    return new Finish("sent", null, null, providerMessageId, true, notificationId);
  }

  static Finish failed(String error) {
    return new Finish("failed", null, error, null, true, null);
  }

  static Finish skipped(String reason) {
    return new Finish("skipped", null, reason, null, false, null);
  }

  static Finish deferred(Instant until, String reason) {
    return new Finish("deferred", until, reason, null, false, null);
  }

  boolean audited() {
    return status.equals("sent") || status.equals("failed");
  }
}
