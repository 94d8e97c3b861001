package dev.herald.live.entity;

import java.util.Map;
import java.util.UUID;

/**
 * One event to append to a user's log: its kind ({@code message}, {@code delivery}, {@code
 * conversation}), the message it is about (message and delivery events) and what else a client
 * needs to know (bulk changes, membership). What a message or delivery looks like is read when the
 * event is sent, so the log stays small.
 */
public record LiveEntry(String user, String kind, UUID messageId, Map<String, ?> details) {
  public static final String MESSAGE = "message";
  public static final String DELIVERY = "delivery";
  public static final String CONVERSATION = "conversation";
}
