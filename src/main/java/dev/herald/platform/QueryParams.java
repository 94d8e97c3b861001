package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
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

  static ProblemException invalid(String field, String detail) {
    return new ProblemException(
        ProblemType.VALIDATION, "Invalid query parameter.", List.of(new FieldError(field, detail)));
  }
}
