package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

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
      throw invalid(parameter);
    }
  }

  /** A keyset position: a positive number (a time, a sequence) and a text tie-breaker (an id). */
  public record Keyset(long position, String key) {}

  public static String encode(String kind, Keyset keyset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (kind + ":" + keyset.position() + ":" + keyset.key())
                .getBytes(StandardCharsets.US_ASCII));
  }

  /** Decodes a keyset cursor whose tie-breaker must match {@code key}; anything else is a 400. */
  public static Optional<Keyset> decode(String kind, String cursor, String parameter, Pattern key) {
    if (cursor == null || cursor.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (cursor.length() > 256) {
        throw new IllegalArgumentException("too long");
      }
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      String[] parts = text.split(":", 3);
      if (parts.length != 3 || !parts[0].equals(kind) || !key.matcher(parts[2]).matches()) {
        throw new IllegalArgumentException("wrong kind or key");
      }
      long position = Long.parseLong(parts[1]);
      if (position <= 0) {
        throw new IllegalArgumentException("not positive");
      }
      return Optional.of(new Keyset(position, parts[2]));
    } catch (IllegalArgumentException e) {
      throw invalid(parameter);
    }
  }

  private static ProblemException invalid(String parameter) {
    return new ProblemException(
        ProblemType.BAD_CURSOR,
        "Pass back a cursor exactly as the API returned it.",
        List.of(new FieldError(parameter, "is not a valid cursor")));
  }
}
