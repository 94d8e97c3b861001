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
  private String lastLogged;

  RefreshFailures(String what) {
    this.what = what;
  }

  /** Logs {@code failure} unless it is the one logged last. */
  synchronized void failed(Exception failure) {
    String detail = String.valueOf(failure);
    if (!detail.equals(lastLogged)) {
      lastLogged = detail;
      LOG.log(
          Level.WARNING,
          "Refreshing " + what + " failed; its gauges keep their last values until it works",
          failure);
    }
  }

  /** The refresh worked: says so if it had failed, and logs its next failure even if the same. */
  synchronized void recovered() {
    if (lastLogged != null) {
      lastLogged = null;
      LOG.info(() -> "Refreshing " + what + " works again");
    }
  }
}
