package dev.herald.audit.entity;

/**
 * What recomputing the hash chains found: all intact, or the first break. One call walks a bounded
 * number of events; while {@code complete} is false, {@code next} continues where it stopped, and
 * the counts are of this call's events.
 */
public record ChainVerification(
    boolean ok, boolean complete, long chains, long events, BrokenLink firstBroken, String next) {

  /** Where a chain breaks and why: hash-mismatch, missing-event, link-mismatch, head-mismatch. */
  public record BrokenLink(String chain, long seq, Long eventId, String reason) {}
}
