package dev.herald.messages.control;

import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import java.util.List;

/** What may be searched for: 1 to 200 characters of one line of printable text. */
public final class SearchText {
  public static final int MAX_CHARS = 200;

  private SearchText() {}

  public static String parse(String q) {
    if (q == null || q.isBlank()) {
      throw invalid("is required: the words to search for");
    }
    if (q.length() > MAX_CHARS) {
      throw invalid("must be at most " + MAX_CHARS + " characters");
    }
    boolean printable =
        q.codePoints()
            .allMatch(
                c -> !Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE);
    if (!printable) {
      throw invalid("must be printable text on one line");
    }
    return q;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(
        ProblemType.VALIDATION, "Invalid query parameter.", List.of(new FieldError("q", detail)));
  }
}
