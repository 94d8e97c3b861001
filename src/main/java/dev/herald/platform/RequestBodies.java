package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Set;

/**
 * Validates a request body once. Constraints on a resource method's parameters are checked twice on
 * Liberty (by RESTEasy's validator and by the CDI validation interceptor, which also wraps every
 * call of the resource); the answers here are the same problem+json as for annotated parameters.
 */
@ApplicationScoped
public class RequestBodies {
  public static final String REQUIRED = "a JSON body is required";

  @Inject Constraints constraints;

  public <T> T valid(T body) {
    if (body == null) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "One or more fields are invalid.",
          List.of(new FieldError("body", REQUIRED)));
    }
    Set<ConstraintViolation<T>> violations = constraints.violations(body);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}
