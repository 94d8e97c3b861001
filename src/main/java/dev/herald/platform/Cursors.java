package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Opaque keyset cursors: a kind and its fields, colon-separated and base64url-encoded. Clients pass
 * them back untouched; anything else is a 400, not a 500 or a silently wrong page.
 */
public final class Cursors {
  private Cursors() {}

  public static String encode(String kind, long position) {
    return encodeAll(kind, position);
  }

  public static OptionalLong decode(String kind, String cursor, String parameter) {
    Long position = decode(kind, cursor, parameter, 64, 1, fields -> positive(fields[0]));
    return position == null ? OptionalLong.empty() : OptionalLong.of(position);
  }

  /** A keyset position: a positive number (a time, a sequence) and a text tie-breaker (an id). */
  public record Keyset(long position, String key) {}

  public static String encode(String kind, Keyset keyset) {
    return text(kind + ":" + keyset.position() + ":" + keyset.key());
  }

  /** Decodes a keyset cursor whose tie-breaker must match {@code key}; anything else is a 400. */
  public static Optional<Keyset> decode(String kind, String cursor, String parameter, Pattern key) {
    return Optional.ofNullable(
        decode(
            kind,
            cursor,
            parameter,
            256,
            2,
            fields -> {
              if (!key.matcher(fields[1]).matches()) {
                throw new IllegalArgumentException("wrong key");
              }
              return new Keyset(positive(fields[0]), fields[1]);
            }));
  }

  /** A cursor of several positions (a sort key and its tie-break), each zero or more. */
  public static String encodeAll(String kind, long... positions) {
    return text(
        kind
            + ":"
            + Arrays.stream(positions).mapToObj(Long::toString).collect(Collectors.joining(":")));
  }

  /** The positions of a cursor made by {@link #encodeAll}, or null without a cursor. */
  public static long[] decodeAll(String kind, String cursor, String parameter, int count) {
    return decode(
        kind,
        cursor,
        parameter,
        64,
        count,
        fields -> {
          long[] positions = new long[count];
          for (int i = 0; i < count; i++) {
            positions[i] = Long.parseLong(fields[i]);
            if (positions[i] < 0) {
              throw new IllegalArgumentException("negative");
            }
          }
          return positions;
        });
  }

  private static String text(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Null without a cursor, else the {@code count} fields after the kind read by {@code read}; the
   * last field keeps any further colons, so a key may contain them. Any IllegalArgumentException on
   * the way (base64, shape, number, range) is the caller's bad cursor.
   */
  private static <T> T decode(
      String kind,
      String cursor,
      String parameter,
      int maxLength,
      int count,
      Function<String[], T> read) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      if (cursor.length() > maxLength) {
        throw new IllegalArgumentException("too long");
      }
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      String[] parts = text.split(":", count + 1);
      if (parts.length != count + 1 || !parts[0].equals(kind)) {
        throw new IllegalArgumentException("wrong kind or shape");
      }
      return read.apply(Arrays.copyOfRange(parts, 1, parts.length));
    } catch (IllegalArgumentException e) {
      throw invalid(parameter);
    }
  }

  private static long positive(String field) {
    long position = Long.parseLong(field);
    if (position <= 0) {
      throw new IllegalArgumentException("not positive");
    }
    return position;
  }

  private static ProblemException invalid(String parameter) {
    return new ProblemException(
        ProblemType.BAD_CURSOR,
        "Pass back a cursor exactly as the API returned it.",
        List.of(new FieldError(parameter, "is not a valid cursor")));
  }
}
