package dev.herald.audit.entity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What recomputing the hash chains found: all intact, or the first break. One call walks a bounded
 * number of events; while it is not complete, {@code next} continues where it stopped, and the
 * counts are of this call's events.
 */
public record ChainVerification(
    boolean ok, long chains, long events, BrokenLink firstBroken, String next) {

  /** Whether this call reached the end of the log (or a break): nothing left to continue. */
  @JsonProperty("complete")
  public boolean complete() {
    return next == null;
  }

  /** Where a chain breaks and why: hash-mismatch, missing-event, link-mismatch, head-mismatch. */
  public record BrokenLink(String chain, long seq, Long eventId, String reason) {}
}
