package dev.herald.platform;

/** The stable problem types Herald answers with; the slug is part of the API. */
public enum ProblemType {
  VALIDATION("validation", "The request is not valid", 400),
  MALFORMED_JSON("malformed-json", "The request body is not the JSON this endpoint expects", 400),
  BAD_CURSOR("bad-cursor", "The cursor is not one this API issued", 400),
  UNAUTHENTICATED("unauthenticated", "A valid bearer token is required", 401),
  FORBIDDEN("forbidden", "Not allowed", 403),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Cannot produce an acceptable representation", 406),
  PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported content type", 415),
  BROKER_UNAVAILABLE("broker-unavailable", "The message broker did not acknowledge in time", 503),
  UNAVAILABLE("unavailable", "Temporarily unavailable", 503),
  INTERNAL("internal", "Internal error", 500);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /** The general type for a status the container or JAX-RS chose (not one of ours). */
  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHENTICATED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 503 -> UNAVAILABLE;
      default -> status >= 500 ? INTERNAL : VALIDATION;
    };
  }
}
