package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads query parameters strictly, answering 400 with the parameter's name when they are off. */
public final class QueryParams {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  // the same rule as messages' conversation ids (MessageLimits.CONVERSATION_ID_REGEX)
  private static final Pattern CONVERSATION_ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  private QueryParams() {}

  public static int limit(String value) {
    return limit(value, DEFAULT_LIMIT, MAX_LIMIT);
  }

  /** A page size from 1 to {@code max}, {@code defaultLimit} when absent. */
  public static int limit(String value, int defaultLimit, int max) {
    if (value == null || value.isEmpty()) {
      return defaultLimit;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("limit", "must be a whole number from 1 to " + max);
  }

  public static boolean flag(String name, String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(name, "must be true or false");
    };
  }

  /** An optional flag: null when absent, so that a filter can tell "not asked" from false. */
  public static Boolean optionalFlag(String name, String value) {
    return value == null || value.isEmpty() ? null : flag(name, value);
  }

  /** An ISO-8601 instant with an offset (2026-01-31T09:00:00Z), or null when absent. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      if (value.length() <= 40) {
        return OffsetDateTime.parse(value).toInstant();
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw invalid(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-31T09:00:00Z");
  }

  /** A user name, or null when absent. */
  public static String userName(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!UserNames.isValid(value)) {
      throw invalid(name, "must be a user name");
    }
    return value;
  }

  /** A UUID, or null when absent. */
  public static UUID uuid(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return Ids.uuid(value).orElseThrow(() -> invalid(name, "must be a UUID"));
  }

  /** A conversation id, or null when absent. */
  public static String conversationId(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > 100 || !CONVERSATION_ID.matcher(value).matches()) {
      throw invalid(name, "must be a conversation id");
    }
    return value;
  }

  public static ProblemException invalid(String field, String detail) {
    return new ProblemException(
        ProblemType.VALIDATION, "Invalid query parameter.", List.of(new FieldError(field, detail)));
  }
}
