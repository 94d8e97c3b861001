package dev.herald.sending.entity;

/** What claiming an Idempotency-Key found. */
public sealed interface IdempotencyClaim {
  /** Ours: publish this envelope (a new one, or an abandoned claim's message under its id). */
  record Fresh(MessageEnvelope envelope) implements IdempotencyClaim {}

  /** An earlier request with this key was accepted: answer the same. */
  record Replay(SendReceipt receipt) implements IdempotencyClaim {}

  /** The key was used with another request body. */
  record Mismatch() implements IdempotencyClaim {}

  /** Another request with this key is being published right now. */
  record InProgress() implements IdempotencyClaim {}
}
