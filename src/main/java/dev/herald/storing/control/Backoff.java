package dev.herald.storing.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Exponential backoff with jitter between retries of one record: 100 ms doubling up to 10 s. */
@ApplicationScoped
public class Backoff {
  static final long FIRST_MILLIS = 100;
  static final long MAX_MILLIS = 10_000;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition interrupted = lock.newCondition();
  private volatile boolean stopped;

  public static long delayMillis(int attempt) {
    long ceiling = Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(attempt - 1, 20));
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }

  /** Waits before the next attempt; false when the application is stopping. */
  public boolean pause(int attempt) {
    lock.lock();
    try {
      long nanos = delayMillis(attempt) * 1_000_000L;
      while (!stopped && nanos > 0) {
        nanos = interrupted.awaitNanos(nanos);
      }
      return !stopped;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Ends every pause at once when the application stops; later pauses return false at once. */
  @PreDestroy
  void interrupt() {
    lock.lock();
    try {
      stopped = true;
      interrupted.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
