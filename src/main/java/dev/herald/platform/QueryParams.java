package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads query parameters strictly, answering 400 with the parameter's name when they are off. */
public final class QueryParams {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  private QueryParams() {}

  public static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
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

  /** An optional ISO-8601 instant ({@code 2026-01-31T12:00:00Z}); null when absent. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
    }
  }

  public static ProblemException invalid(String field, String detail) {
    return new ProblemException(
        ProblemType.VALIDATION, "Invalid query parameter.", List.of(new FieldError(field, detail)));
  }
}
