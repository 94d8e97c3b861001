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

/**
 * Conversation ids derived from the participants: the same people always share one direct
 * conversation, whoever writes first. Derived ids are reserved: a client may only name one that
 * matches its own participants.
 */
public final class ConversationIds {
  static final String DIRECT_PREFIX = "dm-";

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

  /** The conversation a send belongs to: the one named, or the participants' direct one. */
  public static String resolve(String requested, String sender, List<String> recipients) {
    String derived = direct(sender, recipients);
    if (requested == null) {
      return derived;
    }
    if (requested.startsWith(DIRECT_PREFIX) && !requested.equals(derived)) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Conversation ids starting with dm- are derived from the participants.",
          List.of(
              new FieldError(
                  "conversationId", "is not the direct conversation of these participants")));
    }
    return requested;
  }
}
