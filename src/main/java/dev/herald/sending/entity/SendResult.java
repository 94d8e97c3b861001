package dev.herald.sending.entity;

import dev.herald.platform.ProblemType;

/** How a send ended, for the API to answer. */
public sealed interface SendResult {
  /** 202: the broker has it, now or from an earlier request with the same Idempotency-Key. */
  record Accepted(SendReceipt receipt) implements SendResult {}

  /** Not accepted (or, for send-outcome-unknown, not known): the message id is not promised. */
  record NotAccepted(ProblemType type, String detail) implements SendResult {}
}
