package dev.herald.inbox.entity;

import dev.herald.messages.entity.MessageLimits;
import dev.herald.platform.QueryParams;
import dev.herald.platform.UserNames;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What {@code GET /api/inbox} lists. Null means "either" for read and seen; archived and snoozed
 * default to false (hidden), and snoozed=true lists only deliveries snoozed at this moment.
 */
public record InboxFilter(
    Boolean read,
    Boolean seen,
    boolean archived,
    boolean snoozed,
    String conversationId,
    String sender,
    Instant createdAfter,
    Instant createdBefore) {
  private static final Pattern CONVERSATION_ID =
      Pattern.compile(MessageLimits.CONVERSATION_ID_REGEX);

  public static final InboxFilter DEFAULT =
      new InboxFilter(null, null, false, false, null, null, null, null);

  /** The filter from query parameters; 400 naming the parameter when one is off. */
  public static InboxFilter of(
      String unread,
      String read,
      String seen,
      String archived,
      String snoozed,
      String conversationId,
      String sender,
      String createdAfter,
      String createdBefore) {
    return new InboxFilter(
        read(unread, read),
        QueryParams.optionalFlag("seen", seen),
        QueryParams.flag("archived", archived),
        QueryParams.flag("snoozed", snoozed),
        conversationId(conversationId),
        sender(sender),
        QueryParams.instant("createdAfter", createdAfter),
        QueryParams.instant("createdBefore", createdBefore));
  }

  /** unread=true is the older spelling of read=false; unread=false filters nothing, as before. */
  private static Boolean read(String unread, String read) {
    Boolean readFlag = QueryParams.optionalFlag("read", read);
    if (!QueryParams.flag("unread", unread)) {
      return readFlag;
    }
    if (Boolean.TRUE.equals(readFlag)) {
      throw QueryParams.invalid("unread", "contradicts read=true");
    }
    return false;
  }

  public static String conversationId(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!CONVERSATION_ID.matcher(value).matches()) {
      throw QueryParams.invalid("conversationId", "is not a conversation id");
    }
    return value;
  }

  private static String sender(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!UserNames.isValid(value)) {
      throw QueryParams.invalid("sender", "is not a user name");
    }
    return value;
  }
}
