package dev.herald.messages.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored message as its sender and recipients see it. */
public record MessageView(
    UUID id,
    String conversationId,
    String sender,
    List<String> to,
    String subject,
    String body,
    Instant createdAt,
    Instant storedAt) {

  public static MessageView of(StoredMessage m, List<String> recipients) {
    return new MessageView(
        m.id(),
        m.conversationId(),
        m.sender(),
        recipients,
        m.subject(),
        m.body(),
        m.createdAt(),
        m.storedAt());
  }
}
