package dev.herald.audit.control;

import dev.herald.audit.entity.ChainVerification;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most so many chain verifications run at once on this instance: each reads up to millions of
 * rows for seconds, so a few of them could take the pool's connections and the CPU from everyone.
 * One more answers 429 at once instead of queueing.
 */
@ApplicationScoped
public class VerificationSlots {
  /** A verification to run in a slot. */
  public interface Work {
    ChainVerification run() throws SQLException;
  }

  @Inject
  @ConfigProperty(name = "herald.audit.max-concurrent-verifications", defaultValue = "2")
  int slots;

  private Semaphore free;

  @PostConstruct
  void open() {
    free = new Semaphore(Math.max(1, slots));
  }

  public ChainVerification run(Work work) throws SQLException {
    if (!free.tryAcquire()) {
      throw ProblemException.retryLater(
          ProblemType.TOO_MANY_VERIFICATIONS,
          "At most " + slots + " chain verifications run at once on this instance.",
          5);
    }
    try {
      return work.run();
    } finally {
      free.release();
    }
  }
}
