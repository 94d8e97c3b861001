package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Claimed;
import dev.herald.notifications.entity.SendOutcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log alerts written by the instance that stored their messages, right after the commit and off the
 * consumer's thread: no outbox claim, one recorded outcome per batch. They were written leased to
 * this instance, so no dispatcher takes them meanwhile; what this never records (a crash, a refused
 * task) the dispatcher sends when the lease runs out: at least once, as every channel.
 */
@ApplicationScoped
public class LogAlerts {
  private static final Logger LOG = Logger.getLogger(LogAlerts.class.getName());

  @Resource TransactionSynchronizationRegistry transactions;
  @Resource ManagedExecutorService executor;
  @Inject LogChannel channel;
  @Inject AlertOutcomes outcomes;
  @Inject AlertTracing tracing;

  /** Sends {@code alerts} once the current transaction has committed; nothing if it rolls back. */
  void afterCommit(List<Claimed> alerts) {
    if (alerts.isEmpty()) {
      return;
    }
    transactions.registerInterposedSynchronization(new AfterCommit(() -> submit(alerts)));
  }

  private void submit(List<Claimed> alerts) {
    try {
      executor.execute(() -> send(alerts));
    } catch (RejectedExecutionException stopping) {
      // the leases run out and the dispatcher sends them
    }
  }

  void send(List<Claimed> alerts) {
    Settlements settled = new Settlements(Duration.ZERO);
    for (Claimed claimed : alerts) {
      Alert alert =
          new Alert(
              claimed.id(), claimed.recipient(), claimed.recipient(), List.of(claimed.item()));
      SendOutcome outcome = tracing.send(channel, alert, claimed.traceParent());
      if (outcome instanceof SendOutcome.Sent sent) {
        settled.add(List.of(claimed), Finish.sent(sent.providerMessageId(), claimed.id()));
      } else if (outcome instanceof SendOutcome.Failed failed) {
        settled.add(List.of(claimed), Finish.failed(failed.error()));
      }
    }
    try {
      outcomes.record(settled.take());
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot record log alerts; the dispatcher sends them again", e);
    }
  }
}
