package dev.herald.sending.control;

import dev.herald.platform.JsonMapping;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import dev.herald.sending.entity.IdempotencyClaim;
import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.sending.entity.PublishOutcome;
import dev.herald.sending.entity.SendReceipt;
import dev.herald.sending.entity.SendRequest;
import dev.herald.sending.entity.SendResult;
import dev.herald.storing.control.SendOutcomes;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The send use case: rate limit, Idempotency-Key, publish, and settle what the broker's answer
 * means. A 202 is answered only for a message the broker has; a 503 only for one it never will.
 */
@ApplicationScoped
public class Submissions {
  private static final Logger LOG = Logger.getLogger(Submissions.class.getName());

  @Inject SendRateLimit rateLimit;
  @Inject Envelopes envelopes;
  @Inject MessagePublisher publisher;
  @Inject IdempotencyKeys keys;
  @Inject SendOutcomes outcomes;

  @Resource ManagedExecutorService executor;

  public CompletionStage<SendResult> submit(
      String sender, SendRequest request, Optional<String> idempotencyKey) {
    rateLimit.acquire(sender);
    MessageEnvelope fresh = envelopes.accept(sender, request);
    rateLimit.acquireRecipients(sender, fresh.to().size());
    if (idempotencyKey.isEmpty()) {
      return publish(fresh, null);
    }
    String key = idempotencyKey.get();
    return answer(claim(key, request, fresh), key);
  }

  private IdempotencyClaim claim(String key, SendRequest request, MessageEnvelope fresh) {
    try {
      return keys.claim(key, hash(request), fresh, id -> !outcomes.withdrawn(id));
    } catch (SQLException | TransactionalException e) {
      LOG.log(Level.WARNING, "Cannot claim an Idempotency-Key", e);
      throw ProblemException.retryLater(
          ProblemType.UNAVAILABLE,
          "Sends with an Idempotency-Key need the database, which is unreachable.",
          5);
    }
  }

  /** A fresh key publishes; an earlier send's key answers what that send was answered. */
  private CompletionStage<SendResult> answer(IdempotencyClaim claim, String key) {
    if (claim instanceof IdempotencyClaim.Fresh ours) {
      return publish(ours.envelope(), key);
    }
    if (claim instanceof IdempotencyClaim.Replay earlier) {
      return CompletableFuture.completedFuture(new SendResult.Accepted(earlier.receipt()));
    }
    if (claim instanceof IdempotencyClaim.Mismatch) {
      throw new ProblemException(
          ProblemType.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used within 24 hours for a different request.");
    }
    throw ProblemException.retryLater(
        ProblemType.IDEMPOTENCY_KEY_IN_USE,
        "A request with this Idempotency-Key is being sent; retry to get its outcome.",
        1);
  }

  /**
   * An acknowledged send without a key needs nothing more: it is answered on the broker's callback.
   * Anything else is settled on a server thread: it may use the database, and must not hold the
   * producer's thread.
   */
  private CompletionStage<SendResult> publish(MessageEnvelope envelope, String key) {
    return publisher
        .publish(envelope)
        .thenCompose(
            outcome ->
                outcome == PublishOutcome.ACKNOWLEDGED && key == null
                    ? CompletableFuture.completedFuture(accepted(envelope))
                    : CompletableFuture.supplyAsync(
                        () -> settle(envelope, key, outcome), this::onServerThread));
  }

  /**
   * While the server stops, the managed executor refuses work; the broker's answer must still reach
   * the client (a send the broker has must not turn into an error), so it is settled here.
   */
  private void onServerThread(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }

  SendResult settle(MessageEnvelope envelope, String key, PublishOutcome outcome) {
    try {
      if (outcome == PublishOutcome.ACKNOWLEDGED
          || (outcome == PublishOutcome.UNKNOWN
              && !outcomes.withdraw(envelope.id(), envelope.sender()))) {
        remember(envelope, key);
        return accepted(envelope);
      }
      if (key != null) {
        keys.release(envelope.sender(), key);
      }
      return new SendResult.NotAccepted(
          ProblemType.BROKER_UNAVAILABLE, "The message was not accepted; try again.");
    } catch (SQLException | TransactionalException e) {
      LOG.log(Level.WARNING, "Cannot settle the send of " + envelope.id(), e);
      return new SendResult.NotAccepted(
          ProblemType.SEND_OUTCOME_UNKNOWN,
          "The broker's answer was lost and the database is unreachable: the message may or may"
              + " not be delivered. Retry with the same Idempotency-Key to be sure.");
    }
  }

  private static SendResult accepted(MessageEnvelope envelope) {
    return new SendResult.Accepted(
        new SendReceipt(envelope.id(), envelope.conversationId(), envelope.acceptedAt()));
  }

  private void remember(MessageEnvelope envelope, String key) {
    if (key == null) {
      return;
    }
    try {
      keys.accepted(envelope.sender(), key);
    } catch (SQLException e) {
      // the claim stays pending: a retry after its lease republishes the same id, stored once
      LOG.log(Level.WARNING, "Cannot mark Idempotency-Key of " + envelope.id() + " accepted", e);
    }
  }

  static byte[] hash(SendRequest request) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(JsonMapping.strict().writeValueAsBytes(request));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a send request is always hashable", e);
    }
  }
}
