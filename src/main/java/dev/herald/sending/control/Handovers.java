package dev.herald.sending.control;

import dev.herald.sending.entity.PublishOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Withdraws sends the producer has not taken within the hand-over timeout: one sweeper for all of
 * them, every few milliseconds, instead of a timer per send. Every send waits the same time, so the
 * queue is in deadline order and the sweeper stops at the first send not due yet.
 */
@ApplicationScoped
public class Handovers {
  static final long SWEEP_MILLIS = 20;

  private record Watched(
      long deadline, PendingSend send, CompletableFuture<PublishOutcome> outcome) {}

  @Inject
  @ConfigProperty(name = "herald.messages.handover-timeout-ms", defaultValue = "2000")
  long handoverMillis;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Queue<Watched> watched = new ConcurrentLinkedQueue<>();

  @PostConstruct
  void start() {
    scheduler.scheduleWithFixedDelay(
        this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Answers NOT_SENT for {@code send} if it is still waiting when its time is up. */
  void watch(PendingSend send, CompletableFuture<PublishOutcome> outcome) {
    watched.add(
        new Watched(
            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(handoverMillis), send, outcome));
  }

  void sweep() {
    long now = System.nanoTime();
    for (Watched next = watched.peek(); next != null && next.deadline() - now <= 0; ) {
      watched.poll();
      if (!next.outcome().isDone() && next.send().withdraw()) {
        next.outcome().complete(PublishOutcome.NOT_SENT);
      }
      next = watched.peek();
    }
  }
}
