package dev.herald.platform;

/** The stable problem types Herald answers with; the slug is part of the API. */
public enum ProblemType {
  VALIDATION("validation", "The request is not valid", 400),
  MALFORMED_JSON("malformed-json", "The request body is not the JSON this endpoint expects", 400),
  BAD_CURSOR("bad-cursor", "The cursor is not one this API issued", 400),
  UNAUTHENTICATED("unauthenticated", "A valid bearer token is required", 401),
  FORBIDDEN("forbidden", "Not allowed", 403),
  NOT_FOUND("not-found", "Not found", 404),
  CONFLICT("conflict", "The resource is not in a state that allows this", 409),
  IDEMPOTENCY_KEY_IN_USE(
      "idempotency-key-in-use", "A request with this Idempotency-Key is in progress", 409),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused", "This Idempotency-Key was used with another request", 422),
  CONVERSATION_RULE(
      "conversation-rule", "The request breaks a rule of the conversation it names", 422),
  RATE_LIMITED("rate-limited", "Too many requests", 429),
  VERIFICATION_CODE_MISSING(
      "verification-code-missing", "No code was sent to the address saved now", 409),
  VERIFICATION_CODE_WRONG("verification-code-wrong", "The code is not the one sent", 422),
  VERIFICATION_CODE_EXPIRED("verification-code-expired", "The code has expired", 422),
  VERIFICATION_TRIES_EXHAUSTED(
      "verification-tries-exhausted", "Too many wrong codes: request a new one", 429),
  VERIFICATION_RESEND_LIMITED(
      "verification-resend-limited", "No more codes can be sent for now", 429),
  TOO_MANY_VERIFICATIONS(
      "too-many-verifications", "This instance runs as many chain verifications as it may", 429),
  TOO_MANY_STREAMS("too-many-streams", "Too many live streams open for this user", 429),
  STREAMS_UNAVAILABLE("streams-unavailable", "This instance takes no more live streams", 503),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Cannot produce an acceptable representation", 406),
  PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported content type", 415),
  BROKER_UNAVAILABLE("broker-unavailable", "The message broker did not acknowledge in time", 503),
  UNAVAILABLE("unavailable", "Temporarily unavailable", 503),
  QUERY_TIMEOUT("query-timeout", "The query took longer than it may", 503),
  SEND_OUTCOME_UNKNOWN(
      "send-outcome-unknown", "The broker's answer was lost and could not be settled", 504),
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
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 429 -> RATE_LIMITED;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 503 -> UNAVAILABLE;
      default -> status >= 500 ? INTERNAL : VALIDATION;
    };
  }
}
