package dev.herald.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the log says about one periodic refresh: a warning when it starts failing or fails
 * differently, and a line when it works again; not one line per period, which would flood the log
 * while a database or broker is away.
 */
final class RefreshFailures {
  private static final Logger LOG = Logger.getLogger(RefreshFailures.class.getName());
  private final String what;
  private final RepeatedFailures failures = new RepeatedFailures();

  RefreshFailures(String what) {
    this.what = what;
  }

  /** Logs {@code failure} unless it is the one logged last. */
  void failed(Exception failure) {
    if (failures.changed(failure)) {
      LOG.log(
          Level.WARNING,
          "Refreshing " + what + " failed; its gauges keep their last values until it works",
          failure);
    }
  }

  /** The refresh worked: says so if it had failed, and logs its next failure even if the same. */
  void recovered() {
    if (failures.recovered()) {
      LOG.info(() -> "Refreshing " + what + " works again");
    }
  }
}
