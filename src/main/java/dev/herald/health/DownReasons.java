package dev.herald.health;

import dev.herald.platform.RepeatedFailures;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps server internals (host names, ports, driver messages) out of health answers, which anyone
 * may read: a check answers a stable reason and the detail goes to the log, once per change of
 * detail so that a probe every few seconds does not flood it.
 */
final class DownReasons {
  private static final Logger LOG = Logger.getLogger(DownReasons.class.getName());
  private final RepeatedFailures failures = new RepeatedFailures();

  /** Logs {@code failure} (unless it was the last one logged) and returns {@code reason}. */
  String logged(String check, String reason, Throwable failure) {
    if (failures.changed(failure)) {
      LOG.log(Level.WARNING, "Readiness check " + check + " is down: " + reason, failure);
    }
    return reason;
  }

  /** The check is up again: its next failure is logged even if the same. */
  void recovered() {
    failures.recovered();
  }
}
