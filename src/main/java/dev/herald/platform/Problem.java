package dev.herald.platform;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and machine-readable; {@code errors} names the
 * offending fields of a rejected request.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "urn:herald:problem:";

  public record FieldError(String field, String detail) {}

  public static Problem of(ProblemType type, String detail) {
    return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null);
  }

  /** A problem for a status chosen elsewhere (container, JAX-RS), keeping that exact status. */
  public static Problem forStatus(int status, String detail) {
    ProblemType type = ProblemType.forStatus(status);
    return new Problem(TYPE_PREFIX + type.slug(), type.title(), status, detail, null);
  }

  public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
    return new Problem(
        TYPE_PREFIX + type.slug(),
        type.title(),
        type.status(),
        detail,
        errors.isEmpty() ? null : errors);
  }
}
