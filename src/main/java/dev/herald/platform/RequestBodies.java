package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Validates a request body once, on the send path. Constraints on a resource method's parameters
 * are checked twice on Liberty (RESTEasy's validator and the CDI validation interceptor around the
 * resource), which the benchmark's profile showed costing more than the JSON binding itself; the
 * answers are the same problem+json as for annotated parameters.
 */
@ApplicationScoped
public class RequestBodies {
  public static final String REQUIRED = "a JSON body is required";

  @Inject Validator validator;

  public <T> T valid(T body) {
    if (body == null) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "One or more fields are invalid.",
          List.of(new FieldError("body", REQUIRED)));
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}
