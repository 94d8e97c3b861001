package dev.herald.deadletters.entity;

/**
 * Why a Kafka record could not become a message; stored and filterable, so the names are stable.
 */
public enum RejectReason {
  /** No signature headers: not published by Herald (decision 0017). */
  UNSIGNED,
  /** Signed, but not verifiable: unknown or retired key, or key or value changed since. */
  BAD_SIGNATURE,
  /** Signed, but its dm- conversation is not its participants' (a wrong or bypassed API). */
  WRONG_CONVERSATION,
  EMPTY,
  OVERSIZED,
  NOT_UTF8,
  NOT_JSON,
  WRONG_SHAPE,
  UNKNOWN_VERSION,
  INVALID_FIELDS,
  UNSTORABLE
}
