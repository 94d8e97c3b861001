package dev.herald.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * POSTs to one endpoint over a fixed number of connections (one blocking worker per connection),
 * either at a fixed rate or as fast as answers come back. At a fixed rate, latency counts from when
 * a send was due, not when a worker got to it, so a stalled server shows up in the figures instead
 * of slowing the load down.
 */
final class Load {
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  final Histogram latencyMicros = new ConcurrentHistogram(60_000_000L, 3);
  final Map<String, Long> acceptedAtMillis = new ConcurrentHashMap<>();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();

  private final URI target;
  private final List<String> tokens;
  private final int connections;
  private final AtomicLong sent = new AtomicLong();
  // one connection per worker thread, as wrk keeps one per connection
  private final ThreadLocal<Http1> connection;
  private final Queue<Http1> open = new ConcurrentLinkedQueue<>();

  Load(URI target, List<String> tokens, int connections) {
    this.target = target;
    this.tokens = tokens;
    this.connections = connections;
    this.connection =
        ThreadLocal.withInitial(
            () -> {
              Http1 opened = new Http1(target);
              open.add(opened);
              return opened;
            });
  }

  /** Sends back to back on every connection for the given time; returns the seconds it took. */
  double closedLoop(Duration duration, IntFunction<String> body) throws InterruptedException {
    ExecutorService workers = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int c = 0; c < connections; c++) {
      workers.execute(
          () -> {
            while (System.nanoTime() < end) {
              int n = (int) sent.getAndIncrement();
              send(tokens.get(n % tokens.size()), body.apply(n), System.nanoTime());
            }
          });
    }
    workers.shutdown();
    workers.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
    open.forEach(Http1::close);
    return (System.nanoTime() - start) / 1e9;
  }

  /** Sends at a fixed rate for the given time; returns the wall-clock seconds it took. */
  double fixedRate(int perSecond, Duration duration, IntFunction<String> body)
      throws InterruptedException {
    ExecutorService workers = Executors.newFixedThreadPool(connections);
    Semaphore free = new Semaphore(connections * 50);
    long intervalNanos = 1_000_000_000L / perSecond;
    long total = perSecond * duration.toSeconds();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (!free.tryAcquire()) {
        dropped.incrementAndGet();
        continue;
      }
      int n = i;
      workers.execute(
          () -> {
            try {
              send(tokens.get(n % tokens.size()), body.apply(n), due);
            } finally {
              free.release();
            }
          });
    }
    workers.shutdown();
    workers.awaitTermination(2, TimeUnit.MINUTES);
    open.forEach(Http1::close);
    return (System.nanoTime() - start) / 1e9;
  }

  private void send(String token, String json, long dueNanos) {
    long wallAtDue = System.currentTimeMillis() - (System.nanoTime() - dueNanos) / 1_000_000;
    try {
      Http1.Answer answer = connection.get().post(target.getRawPath(), token, json);
      latencyMicros.recordValue(Math.max(0, (System.nanoTime() - dueNanos) / 1_000));
      Matcher id = ID.matcher(answer.body());
      if (answer.status() == 202 && id.find()) {
        acceptedAtMillis.put(id.group(1), wallAtDue);
      } else {
        rejected.incrementAndGet();
      }
    } catch (Exception e) {
      failed.incrementAndGet();
    }
  }
}
