package dev.herald.audit.entity;

/** What recomputing every hash chain found: all intact, or the first break. */
public record ChainVerification(boolean ok, long chains, long events, BrokenLink firstBroken) {

  /** Where a chain breaks and why: hash-mismatch, missing-event, link-mismatch, head-mismatch. */
  public record BrokenLink(String chain, long seq, Long eventId, String reason) {}
}
