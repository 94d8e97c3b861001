package dev.herald.sending.control;

import dev.herald.platform.Problem.FieldError;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Idempotency-Key request header: 1 to 200 printable ASCII characters. */
public final class IdempotencyKeyHeader {
  public static final String NAME = "Idempotency-Key";
  private static final Pattern VALID = Pattern.compile("[\\x20-\\x7E]{1,200}");

  private IdempotencyKeyHeader() {}

  public static Optional<String> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    if (!VALID.matcher(header).matches() || header.isBlank()) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "The Idempotency-Key header is not valid.",
          List.of(new FieldError(NAME, "must be 1 to 200 printable ASCII characters")));
    }
    return Optional.of(header);
  }
}
