package dev.herald.sending.control;

import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two token buckets per sender: sends (requests) and recipients (what a send costs the system and
 * could cost a stranger: a send to a 256-member group counts 255). The buckets live in this
 * instance's memory, so with N instances behind a load balancer a sender gets up to N times each
 * rate (docs/decisions/0019-verified-contacts-and-limits.md): a limiter shared through PostgreSQL
 * would put a database round trip on every send's path, and sends must keep working while it is
 * down.
 */
@ApplicationScoped
public class SendRateLimit {
  @Inject
  @ConfigProperty(name = "herald.messages.rate-limit.per-second", defaultValue = "50")
  double perSecond;

  @Inject
  @ConfigProperty(name = "herald.messages.rate-limit.burst", defaultValue = "100")
  double burst;

  @Inject
  @ConfigProperty(name = "herald.messages.rate-limit.recipients-per-second", defaultValue = "500")
  double recipientsPerSecond;

  @Inject
  @ConfigProperty(name = "herald.messages.rate-limit.recipients-burst", defaultValue = "1000")
  double recipientsBurst;

  LongSupplier nanoTime = System::nanoTime;
  private final TokenBuckets sends = new TokenBuckets();
  private final TokenBuckets recipients = new TokenBuckets();

  /** Takes one send from the sender's bucket, or answers 429 with the seconds to wait. */
  public void acquire(String sender) {
    if (perSecond > 0) {
      refuseIfWaiting(
          sends.take(sender, 1, perSecond, burst, nanoTime),
          "At most " + perSecond + " sends per second (burst " + burst + ") per sender.");
    }
  }

  /**
   * Takes a send's recipients from the sender's bucket, or answers 429 with the seconds to wait.
   */
  public void acquireRecipients(String sender, int count) {
    if (recipientsPerSecond > 0) {
      refuseIfWaiting(
          recipients.take(
              sender,
              Math.min(count, recipientsBurst),
              recipientsPerSecond,
              recipientsBurst,
              nanoTime),
          "At most "
              + recipientsPerSecond
              + " recipients per second (burst "
              + recipientsBurst
              + ") per sender.");
    }
  }

  private static void refuseIfWaiting(double wait, String detail) {
    if (wait > 0) {
      throw ProblemException.retryLater(ProblemType.RATE_LIMITED, detail, (long) Math.ceil(wait));
    }
  }
}
