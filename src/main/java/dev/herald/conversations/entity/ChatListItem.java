package dev.herald.conversations.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One conversation in a user's chat list: what kind it is, its title (groups only) or its
 * participants (the people of its latest message, the user included), the latest message the user
 * sent or received in it (null before the first), and the user's unread count.
 */
public record ChatListItem(
    String conversationId,
    String kind,
    String title,
    List<String> participants,
    @JsonInclude(JsonInclude.Include.ALWAYS) LastMessage lastMessage,
    long unread,
    Instant lastActivityAt) {

  public static final String DIRECT = "direct";
  public static final String GROUP = "group";
  public static final String THREAD = "thread";

  /** The latest message, with its body cut to a one-line snippet. */
  public record LastMessage(
      UUID id, String sender, String subject, String snippet, Instant createdAt) {}

  @JsonIgnore
  public long lastActivityMicros() {
    return lastActivityAt.getEpochSecond() * 1_000_000L + lastActivityAt.getNano() / 1_000;
  }
}
