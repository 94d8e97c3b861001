package dev.herald.faults;

import dev.herald.testing.Herald;
import dev.herald.testing.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Steady sends over several connections while faults happen, remembering every request's answer:
 * the oracle later checks each one against the database. Each body is unique, so a message is found
 * by its body whatever id it got.
 */
final class FaultLoad implements AutoCloseable {
  /** One send: its body, its HTTP status (0: no answer at all) and when the answer came. */
  record Outcome(String body, int status, long answeredAtMillis) {}

  private final URI messages = Herald.base().resolve("api/messages");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String run;
  private final List<String> tokens;
  private final List<String> recipients;
  private final Semaphore connections;
  private final ExecutorService senders;
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Map<Integer, String> unanswered = new ConcurrentHashMap<>();
  private final Thread pacer;
  private volatile boolean running = true;

  FaultLoad(String run, List<String> tokens, List<String> recipients, int rate, int connections) {
    this.run = run;
    this.tokens = tokens;
    this.recipients = recipients;
    this.connections = new Semaphore(connections);
    this.senders = Executors.newFixedThreadPool(connections);
    this.pacer = new Thread(() -> pace(rate), "fault-load-" + run);
    pacer.start();
  }

  private void pace(int rate) {
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long due = System.nanoTime();
    for (int n = 0; running; n++) {
      LockSupport.parkNanos(due - System.nanoTime());
      due += interval;
      connections.acquireUninterruptibly();
      int number = n;
      senders.execute(
          () -> {
            try {
              send(number);
            } finally {
              connections.release();
            }
          });
    }
  }

  private void send(int n) {
    String body = "fault " + run + " #" + n;
    unanswered.put(n, body);
    HttpRequest request =
        HttpRequest.newBuilder(messages)
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + tokens.get(n % tokens.size()))
            .POST(HttpRequest.BodyPublishers.ofString(Requests.send(recipients, body)))
            .build();
    int status;
    try {
      status = http.send(request, BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      status = 0;
    }
    outcomes.add(new Outcome(body, status, System.currentTimeMillis()));
    unanswered.remove(n);
  }

  /** Stops sending and waits a minute for the answers still outstanding; the rest got none. */
  List<Outcome> stop() throws InterruptedException {
    running = false;
    pacer.join();
    senders.shutdown();
    senders.awaitTermination(1, TimeUnit.MINUTES);
    List<Outcome> all = new ArrayList<>(outcomes);
    long now = System.currentTimeMillis();
    unanswered.values().forEach(body -> all.add(new Outcome(body, 0, now)));
    senders.shutdownNow();
    return all;
  }

  @Override
  public void close() throws InterruptedException {
    if (running) {
      stop();
    }
  }
}
