package dev.herald.sending.entity;

/** What the broker did with a published envelope, as far as the API can know. */
public enum PublishOutcome {
  /** The broker acknowledged it (acks=all). */
  ACKNOWLEDGED,
  /** The producer never took it: it is not in Kafka and never will be. */
  NOT_SENT,
  /** The producer took it but gave up waiting for the broker: it may or may not be in Kafka. */
  UNKNOWN
}
