package dev.herald.messages.control;

import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Conversation ids. Direct ones ({@code dm-…}) are derived from the participants: the same people
 * always share one direct conversation, whoever writes first. Group ones ({@code g-<uuid>}) are
 * made when a group is created. Both prefixes are reserved: a client may only name a direct id that
 * matches its own participants and a group id that exists; any other id is an ad-hoc thread.
 */
public final class ConversationIds {
  static final String DIRECT_PREFIX = "dm-";
  static final String GROUP_PREFIX = "g-";
  private static final Pattern GROUP =
      Pattern.compile("g-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private ConversationIds() {}

  public static String direct(String sender, List<String> recipients) {
    Set<String> participants = new TreeSet<>(recipients);
    participants.add(sender);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha256.digest(String.join("\n", participants).getBytes(StandardCharsets.UTF_8));
      return DIRECT_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A fresh group id; only group creation makes them. */
  public static String newGroup() {
    return GROUP_PREFIX + UUID.randomUUID();
  }

  /** Whether the id is in the reserved group space (it may still name no group). */
  public static boolean isGroup(String id) {
    return id != null && id.startsWith(GROUP_PREFIX);
  }

  public static boolean isDirect(String id) {
    return id != null && id.startsWith(DIRECT_PREFIX);
  }

  /** Whether the id is a group id as group creation makes them. */
  public static boolean isGroupShaped(String id) {
    return id != null && GROUP.matcher(id).matches();
  }

  /** A well-formed group id, or 422: the g- prefix is not for ad-hoc conversations. */
  public static String requireGroupShape(String id) {
    if (!isGroupShaped(id)) {
      throw reserved("Conversation ids starting with g- are made by creating a group.", "a group");
    }
    return id;
  }

  /**
   * The conversation a non-group send belongs to: the one named, or the participants' direct one.
   */
  public static String resolve(String requested, String sender, List<String> recipients) {
    String derived = direct(sender, recipients);
    if (requested == null) {
      return derived;
    }
    if (isDirect(requested) && !requested.equals(derived)) {
      throw reserved(
          "Conversation ids starting with dm- are derived from the participants.",
          "the direct conversation of these participants");
    }
    return requested;
  }

  private static ProblemException reserved(String detail, String what) {
    return new ProblemException(
        ProblemType.CONVERSATION_RULE,
        detail,
        List.of(new FieldError("conversationId", "is not " + what)));
  }
}
