package dev.herald.notifications.control;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a channel tells users about a failed send: a fixed phrase, shown in the alert's lastError.
 * The provider's own words (host, port, replies) may name internals, so they go to the log only.
 */
final class ChannelFailures {
  private ChannelFailures() {}

  /** Logs the failure in full and answers the phrase users see. */
  static String reason(Logger log, String what, String phrase, Exception failure) {
    log.log(Level.WARNING, what + ": " + phrase, failure);
    return phrase;
  }
}
