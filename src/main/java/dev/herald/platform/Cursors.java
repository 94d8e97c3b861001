package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/**
 * Opaque keyset cursors: a kind and a position, base64url-encoded. Clients pass them back
 * untouched; anything else is a 400, not a 500 or a silently wrong page.
 */
public final class Cursors {
  private Cursors() {}

  public static String encode(String kind, long position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + position).getBytes(StandardCharsets.US_ASCII));
  }

  public static OptionalLong decode(String kind, String cursor, String parameter) {
    if (cursor == null || cursor.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      if (cursor.length() > 64) {
        throw new IllegalArgumentException("too long");
      }
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (!text.startsWith(kind + ":")) {
        throw new IllegalArgumentException("wrong kind");
      }
      long position = Long.parseLong(text.substring(kind.length() + 1));
      if (position <= 0) {
        throw new IllegalArgumentException("not positive");
      }
      return OptionalLong.of(position);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.BAD_CURSOR,
          "Pass back a cursor exactly as the API returned it.",
          List.of(new FieldError(parameter, "is not a valid cursor")));
    }
  }
}
