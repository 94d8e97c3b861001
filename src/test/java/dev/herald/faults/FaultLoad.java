package dev.herald.faults;

import dev.herald.testing.Herald;
import dev.herald.testing.Requests;
import java.net.ConnectException;
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
import java.util.function.IntFunction;

/**
 * Steady sends over several connections while faults happen, remembering every request's answer:
 * the oracle later checks each one against the database. Each body is unique, so a message is found
 * by its body whatever id it got. With several instances, send n goes to instance n mod their
 * number, and to the next one when that refuses the connection, as a load balancer does (nothing
 * was sent, so it cannot be stored twice).
 */
public final class FaultLoad implements AutoCloseable {
  /** One send: its body, its status (0: no answer at all), when it went and when it came back. */
  public record Outcome(
      String body, int status, long sentAtMillis, long answeredAtMillis, int recipients) {}

  private final List<URI> messages;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String run;
  private final List<String> tokens;
  private final IntFunction<List<String>> recipients;
  private final Semaphore connections;
  private final ExecutorService senders;
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Map<Integer, Outcome> unanswered = new ConcurrentHashMap<>();
  private final Thread pacer;
  private volatile boolean running = true;

  FaultLoad(String run, List<String> tokens, List<String> recipients, int rate, int connections) {
    this(run, tokens, n -> recipients, rate, connections, List.of(Herald.base()));
  }

  /** Sends to {@code recipients.apply(n)} for send n, over the instances at {@code bases}. */
  public FaultLoad(
      String run,
      List<String> tokens,
      IntFunction<List<String>> recipients,
      int rate,
      int connections,
      List<URI> bases) {
    this.run = run;
    this.tokens = tokens;
    this.recipients = recipients;
    this.messages = bases.stream().map(base -> base.resolve("api/messages")).toList();
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
    List<String> to = recipients.apply(n);
    long sentAt = System.currentTimeMillis();
    unanswered.put(n, new Outcome(body, 0, sentAt, 0, to.size()));
    int status = 0;
    for (int tried = 0; tried < messages.size(); tried++) {
      try {
        status = http.send(request(n, tried, to, body), BodyHandlers.discarding()).statusCode();
        break;
      } catch (ConnectException refused) {
        // that instance is down: the request never left, the next instance may take it
      } catch (Exception e) {
        break;
      }
    }
    outcomes.add(new Outcome(body, status, sentAt, System.currentTimeMillis(), to.size()));
    unanswered.remove(n);
  }

  private HttpRequest request(int n, int tried, List<String> to, String body) {
    return HttpRequest.newBuilder(messages.get((n + tried) % messages.size()))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + tokens.get(n % tokens.size()))
        .POST(HttpRequest.BodyPublishers.ofString(Requests.send(to, body)))
        .build();
  }

  /** Stops sending and waits a minute for the answers still outstanding; the rest got none. */
  public List<Outcome> stop() throws InterruptedException {
    running = false;
    pacer.join();
    senders.shutdown();
    senders.awaitTermination(1, TimeUnit.MINUTES);
    List<Outcome> all = new ArrayList<>(outcomes);
    long now = System.currentTimeMillis();
    unanswered
        .values()
        .forEach(o -> all.add(new Outcome(o.body(), 0, o.sentAtMillis(), now, o.recipients())));
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
