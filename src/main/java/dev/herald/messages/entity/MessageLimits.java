package dev.herald.messages.entity;

/** Sizes every layer agrees on, so that whatever the API accepts the consumer can store. */
public final class MessageLimits {
  public static final int BODY_MAX_CHARS = 16_384;
  public static final int SUBJECT_MAX_CHARS = 200;

  /** Upper bound for the configurable recipient limit; the consumer accepts up to this many. */
  public static final int RECIPIENTS_HARD_MAX = 1_000;

  public static final String CONVERSATION_ID_REGEX = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

  private MessageLimits() {}
}
