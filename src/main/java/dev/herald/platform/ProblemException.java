package dev.herald.platform;

import dev.herald.platform.Problem.FieldError;
import java.util.List;

/** Thrown by control code to answer with a specific problem; never carries a stack to clients. */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;
  private final long retryAfterSeconds;

  public ProblemException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
    this(Problem.of(type, detail, errors));
  }

  private ProblemException(Problem problem) {
    this(problem, 0);
  }

  private ProblemException(Problem problem, long retryAfterSeconds) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A problem that goes away: the answer carries Retry-After. */
  public static ProblemException retryLater(ProblemType type, String detail, long seconds) {
    return new ProblemException(Problem.of(type, detail), Math.max(1, seconds));
  }

  public Problem problem() {
    return problem;
  }

  /** Seconds for the Retry-After header; 0 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "No such resource for this user.");
  }
}
