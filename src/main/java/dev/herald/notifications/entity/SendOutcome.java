package dev.herald.notifications.entity;

import java.time.Duration;

/** What a channel made of one send: done, worth another try (perhaps not before a time), or not. */
public sealed interface SendOutcome {
  record Sent(String providerMessageId) implements SendOutcome {}

  /** A passing failure; {@code notBefore} is the receiver's Retry-After, or null. */
  record Retry(String error, Duration notBefore) implements SendOutcome {}

  record Failed(String error) implements SendOutcome {}

  static SendOutcome retry(String error) {
    return new Retry(error, null);
  }
}
