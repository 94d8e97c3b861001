package dev.herald.deadletters.entity;

/**
 * Why a Kafka record could not become a message; stored and filterable, so the names are stable.
 */
public enum RejectReason {
  EMPTY,
  OVERSIZED,
  NOT_UTF8,
  NOT_JSON,
  WRONG_SHAPE,
  UNKNOWN_VERSION,
  INVALID_FIELDS,
  UNSTORABLE
}
