package dev.herald.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.herald.platform.Problem.FieldError;
import java.util.List;
import java.util.Optional;

/** Says what was wrong with a JSON body in the client's terms: which field, and how. */
public final class JsonProblems {
  static final int MAX_DETAIL_CHARS = 200;

  private JsonProblems() {}

  /** The problem behind a failure to read a body, if a JSON or problem failure is its cause. */
  public static Optional<Problem> of(Throwable failure) {
    // a size limit hit while Jackson was reading arrives wrapped in Jackson's own exception
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProblemException problem) {
        return Optional.of(problem.problem());
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException json) {
        return Optional.of(of(json));
      }
    }
    return Optional.empty();
  }

  static Problem of(JsonProcessingException e) {
    Optional<Problem> wrapped = e.getCause() == null ? Optional.empty() : of(e.getCause());
    if (wrapped.isPresent()) {
      return wrapped.get();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return invalid(path(unknown), "is not a field of this request");
    }
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return invalid(path(mismatch), "has the wrong type or format");
    }
    String detail = e.getOriginalMessage();
    if (detail == null || e instanceof MismatchedInputException) {
      detail = "The body must be one JSON object.";
    }
    if (detail.length() > MAX_DETAIL_CHARS) {
      detail = detail.substring(0, MAX_DETAIL_CHARS) + "…";
    }
    return Problem.of(ProblemType.MALFORMED_JSON, detail);
  }

  private static Problem invalid(String field, String detail) {
    return Problem.of(
        ProblemType.VALIDATION,
        "One or more fields are invalid.",
        List.of(new FieldError(field, detail)));
  }

  /** "to[2]" or "subject": the path Jackson was at, in the client's notation. */
  static String path(JsonMappingException e) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        field.append(field.length() > 0 ? "." : "").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }
}
