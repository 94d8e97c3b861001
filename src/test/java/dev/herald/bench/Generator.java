package dev.herald.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The load generator: one thread, one selector, non-blocking keep-alive connections, requests
 * pre-built ({@link Requests}). Closed loop: each connection sends again as soon as it is answered.
 * Open loop: sends are due at a fixed rate whatever the answers; a send that finds no free
 * connection waits (and its latency, counted from when it was due, shows it), and one more
 * connection is opened while under the limit.
 */
final class Generator {
  /** Sends waiting longer than this many seconds of traffic are given up: "not sent". */
  private static final int MAX_WAITING_SECONDS = 5;

  private static final long GRACE_NANOS = Duration.ofSeconds(60).toNanos();

  private final InetSocketAddress server;
  private final Progress progress;
  private Runnable allSent = () -> {};
  private boolean allSentRun;

  Generator(URI base, Progress progress) {
    this.server = new InetSocketAddress(base.getHost(), base.getPort());
    this.progress = progress;
  }

  /**
   * Runs {@code action} (on the generator's thread: it must not block) when the last send has gone
   * out: on an overloaded server that is later than the schedule's end.
   */
  Generator whenAllSent(Runnable action) {
    this.allSent = action;
    return this;
  }

  /** {@code connections} connections sending back to back for {@code duration}. */
  LoadResult closedLoop(Requests requests, int connections, Duration duration) throws IOException {
    try (ConnectionPool pool = new ConnectionPool(server, requests, connections)) {
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      long next = 0;
      for (long now = start; now < end || pool.busy() > 0; now = System.nanoTime()) {
        while (now < end && pool.canSend()) {
          pool.send(next++, now);
        }
        if (now >= end) {
          allSent();
        }
        if (now > end + GRACE_NANOS) {
          break;
        }
        pool.select(100);
        progress.update(pool.result.accepted());
      }
      allSent(); // if the last sends were given up, or none could be sent
      return pool.finish(start);
    }
  }

  /** {@code perSecond} sends due evenly for {@code duration}, on up to {@code connections}. */
  LoadResult openLoop(Requests requests, int perSecond, Duration duration, int connections)
      throws IOException {
    try (ConnectionPool pool = new ConnectionPool(server, requests, connections)) {
      double interval = 1e9 / perSecond;
      long total = perSecond * duration.toSeconds();
      long start = System.nanoTime();
      ArrayDeque<Long> waiting = new ArrayDeque<>();
      long next = 0;
      for (long now = start;
          next < total || pool.busy() > 0 || !waiting.isEmpty();
          now = System.nanoTime()) {
        for (; next < total && start + (long) (next * interval) <= now; next++) {
          if (waiting.size() < perSecond * MAX_WAITING_SECONDS) {
            waiting.add(next);
          } else {
            pool.result.dropped++;
          }
        }
        while (!waiting.isEmpty() && pool.canSend()) {
          long n = waiting.poll();
          pool.send(n, start + (long) (n * interval));
          if (next == total && waiting.isEmpty()) {
            allSent();
          }
        }
        if (now > start + duration.toNanos() + GRACE_NANOS) {
          pool.result.dropped += waiting.size();
          break;
        }
        long untilNext = next < total ? start + (long) (next * interval) - now : 100_000_000L;
        pool.select(Math.max(1, untilNext / 1_000_000));
        progress.update(pool.result.accepted());
      }
      allSent(); // if the last sends were given up, or none could be sent
      return pool.finish(start);
    }
  }

  private void allSent() {
    if (!allSentRun) {
      allSentRun = true;
      allSent.run();
    }
  }
}
