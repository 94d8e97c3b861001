package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import java.util.List;

/** Thrown by control code to answer with a specific problem; never carries a stack to clients. */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
    this(Problem.of(type, detail, errors));
  }

  private ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No such resource for this user.");
  }
}
