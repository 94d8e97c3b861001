package dev.herald.notifications.control;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

/**
 * Runs an action once its transaction has committed, never after a rollback: for what must follow
 * only data that is really there (a send, a count).
 */
record AfterCommit(Runnable action) implements Synchronization {
  @Override
  public void beforeCompletion() {}

  @Override
  public void afterCompletion(int status) {
    if (status == Status.STATUS_COMMITTED) {
      action.run();
    }
  }
}
