package dev.herald.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

  Generator(URI base, Progress progress) {
    this.server = new InetSocketAddress(base.getHost(), base.getPort());
    this.progress = progress;
  }

  /** {@code connections} connections sending back to back for {@code duration}. */
  LoadResult closedLoop(Requests requests, int connections, Duration duration) throws IOException {
    try (Run run = new Run(requests, connections)) {
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      long next = 0;
      for (long now = start; now < end || run.busy() > 0; now = System.nanoTime()) {
        while (now < end && run.canSend()) {
          run.send(next++, now);
        }
        if (now > end + GRACE_NANOS) {
          break;
        }
        run.select(100);
        progress.update(run.result.accepted());
      }
      return run.finish(start);
    }
  }

  /** {@code perSecond} sends due evenly for {@code duration}, on up to {@code connections}. */
  LoadResult openLoop(Requests requests, int perSecond, Duration duration, int connections)
      throws IOException {
    try (Run run = new Run(requests, connections)) {
      double interval = 1e9 / perSecond;
      long total = perSecond * duration.toSeconds();
      long start = System.nanoTime();
      ArrayDeque<Long> waiting = new ArrayDeque<>();
      long next = 0;
      for (long now = start;
          next < total || run.busy() > 0 || !waiting.isEmpty();
          now = System.nanoTime()) {
        for (; next < total && start + (long) (next * interval) <= now; next++) {
          if (waiting.size() < perSecond * MAX_WAITING_SECONDS) {
            waiting.add(next);
          } else {
            run.result.dropped++;
          }
        }
        while (!waiting.isEmpty() && run.canSend()) {
          long n = waiting.poll();
          run.send(n, start + (long) (n * interval));
        }
        if (now > start + duration.toNanos() + GRACE_NANOS) {
          run.result.dropped += waiting.size();
          break;
        }
        long untilNext = next < total ? start + (long) (next * interval) - now : 100_000_000L;
        run.select(Math.max(1, untilNext / 1_000_000));
        progress.update(run.result.accepted());
      }
      return run.finish(start);
    }
  }

  /** The connections and results of one phase. */
  private final class Run implements AutoCloseable {
    final LoadResult result = new LoadResult();
    private final Requests requests;
    private final int maxConnections;
    private final Selector selector = Selector.open();
    private final List<Connection> open = new ArrayList<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();

    Run(Requests requests, int maxConnections) throws IOException {
      this.requests = requests;
      this.maxConnections = maxConnections;
    }

    boolean canSend() {
      return !idle.isEmpty() || open.size() < maxConnections;
    }

    int busy() {
      return open.size() - idle.size();
    }

    void send(long n, long dueNanos) throws IOException {
      Connection connection = idle.pollFirst();
      if (connection == null) {
        connection = Connection.open(selector, server);
        open.add(connection);
        result.connectionsOpened++;
      }
      try {
        connection.send(n, dueNanos, requests.bytes(n));
      } catch (IOException e) {
        fail(connection);
      }
    }

    void select(long millis) throws IOException {
      selector.select(millis);
      for (SelectionKey key : selector.selectedKeys()) {
        Connection connection = (Connection) key.attachment();
        try {
          ResponseParser.Parsed answer = connection.ready();
          if (answer != null) {
            answered(connection, answer);
          }
        } catch (IOException e) {
          fail(connection);
        }
      }
      selector.selectedKeys().clear();
    }

    private void answered(Connection connection, ResponseParser.Parsed answer) {
      long request = connection.request();
      long due = connection.dueNanos();
      connection.idle();
      if (request < 0) {
        drop(connection); // an answer nobody asked for: not a connection to trust
        return;
      }
      result.latencyMicros.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
      UUID id = answer.status() == 202 ? JsonIds.first(answer.body(), JsonIds.ID) : null;
      if (id != null) {
        result.accept(id, due, request);
      } else {
        result.rejected++;
      }
      if (answer.closes()) {
        drop(connection);
      } else {
        idle.addLast(connection);
      }
    }

    /** A busy connection that broke lost its request; an idle one the server closed did not. */
    private void fail(Connection connection) {
      if (connection.busy()) {
        result.failed++;
      }
      drop(connection);
    }

    private void drop(Connection connection) {
      connection.close();
      open.remove(connection);
      idle.remove(connection);
    }

    LoadResult finish(long start) {
      result.seconds = (System.nanoTime() - start) / 1e9;
      result.failed += busy();
      return result;
    }

    @Override
    public void close() throws IOException {
      open.forEach(Connection::close);
      selector.close();
    }
  }
}
