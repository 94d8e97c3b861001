package dev.herald.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.platform.Problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into problem+json, so that clients never see a stack trace or HTML. */
public final class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  @Provider
  public static class Thrown implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
      Response response = ProblemResponses.of(e.problem());
      return e.retryAfterSeconds() == 0
          ? response
          : Response.fromResponse(response)
              .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
              .build();
    }
  }

  @Provider
  public static class Invalid implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<FieldError> errors = new ArrayList<>();
      for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
        errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
      }
      errors.sort(Comparator.comparing(FieldError::field));
      return ProblemResponses.of(
          Problem.of(ProblemType.VALIDATION, "One or more fields are invalid.", errors));
    }

    /** "send.request.to[2].<list element>" becomes "to[2]": the client's name for the field. */
    static String fieldOf(Path path) {
      StringBuilder field = new StringBuilder();
      for (Path.Node node : path) {
        if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
          continue;
        }
        if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
          if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
          }
          continue;
        }
        if (node.getIndex() != null && field.length() > 0) {
          field.append('[').append(node.getIndex()).append(']');
        }
        if (node.getName() != null) {
          field.append(field.length() > 0 ? "." : "").append(node.getName());
        }
      }
      return field.length() == 0 ? "body" : field.toString();
    }
  }

  @Provider
  public static class Malformed implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return ProblemResponses.of(JsonProblems.of(e));
    }
  }

  @Provider
  public static class Unreadable implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return ProblemResponses.of(
          JsonProblems.of(e)
              .orElse(Problem.of(ProblemType.MALFORMED_JSON, "The body could not be read.")));
    }
  }

  @Provider
  public static class Http implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      var cause = JsonProblems.of(e.getCause());
      if (cause.isPresent()) {
        return ProblemResponses.of(cause.get());
      }
      return Response.fromResponse(e.getResponse())
          .type(Problem.MEDIA_TYPE)
          .entity(Problem.forStatus(e.getResponse().getStatus(), null))
          .build();
    }
  }

  /** A read past its time (QueryTimeout) is 503 query-timeout; any other SQL failure, a 500. */
  @Provider
  public static class Sql implements ExceptionMapper<SQLException> {
    @Override
    public Response toResponse(SQLException e) {
      return QueryTimeout.timedOut(e) ? timedOut() : incident(e);
    }
  }

  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      // JPA and the transaction interceptor wrap the driver's exception
      return QueryTimeout.timedOut(e) ? timedOut() : incident(e);
    }
  }

  static Response timedOut() {
    return Response.fromResponse(
            ProblemResponses.of(
                ProblemType.QUERY_TIMEOUT,
                "The query took longer than this server allows; narrow it or try again."))
        .header(HttpHeaders.RETRY_AFTER, 5)
        .build();
  }

  static Response incident(Exception e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
    return ProblemResponses.of(
        ProblemType.INTERNAL, "Unexpected failure; incident " + incident + ".");
  }
}
