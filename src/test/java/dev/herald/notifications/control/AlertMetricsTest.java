package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertMetricsTest {
  final List<Synchronization> registered = new ArrayList<>();
  final List<AlertMetrics.Recorded> counted = new ArrayList<>();
  final AlertMetrics metrics =
      new AlertMetrics() {
        @Override
        void counted(List<Recorded> recorded) {
          counted.addAll(recorded);
        }
      };

  static final List<AlertMetrics.Recorded> RECORDED =
      List.of(
          new AlertMetrics.Recorded("log", "sent"), new AlertMetrics.Recorded("email", "pending"));

  @BeforeEach
  void wire() {
    metrics.transactions = new Transaction(registered);
  }

  @Test
  void countsRecordedOutcomesOnlyOnceTheirTransactionCommitted() {
    metrics.afterCommit(RECORDED);
    assertThat(counted).isEmpty();

    registered.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));

    assertThat(counted).containsExactlyElementsOf(RECORDED);
  }

  @Test
  void countsNothingWhenTheTransactionRolledBack() {
    metrics.afterCommit(RECORDED);

    registered.forEach(s -> s.afterCompletion(Status.STATUS_ROLLEDBACK));

    assertThat(counted).isEmpty();
  }

  @Test
  void waitsForNoCommitWhenNoOutcomeWasRecorded() {
    metrics.afterCommit(List.of());

    assertThat(registered).isEmpty();
  }

  /** The registry of one transaction: keeps what is registered for its completion. */
  record Transaction(List<Synchronization> registered)
      implements TransactionSynchronizationRegistry {
    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      registered.add(sync);
    }

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {}

    @Override
    public Object getResource(Object key) {
      return null;
    }

    @Override
    public int getTransactionStatus() {
      return Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }
}
