package dev.herald.bench;

import dev.herald.testing.Herald;
import jakarta.json.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The benchmark: Herald end to end beside what bounds it, measured in the same run on the same
 * machine: the same POST without Kafka (no-op), a plain Kafka producer, plain batched inserts into
 * PostgreSQL; then the backlog drain and reads at scale. Run with {@code ./mvnw -Pbench verify}
 * (quick) or {@code ./mvnw -Pbench verify -Dbench.mode=full}; see docs/performance.md.
 */
public final class Benchmark {
  private final Settings settings = Settings.fromSystemProperties();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String db = System.getProperty("herald.it.db.url");
  private final String dbUser = System.getProperty("herald.it.db.user");
  private final String dbPassword = System.getProperty("herald.it.db.password");
  private final RawKafka kafka = new RawKafka(System.getProperty("herald.it.kafka.bootstrap"));
  private final ServerProcess server = new ServerProcess();
  private final Report report = new Report();

  public static void main(String[] args) throws Exception {
    Benchmark benchmark = new Benchmark();
    try {
      benchmark.runAll();
    } catch (Exception | Error e) {
      // the build stops Liberty only after a successful run; do not leave it behind
      benchmark.server.stop();
      throw e;
    }
  }

  private void runAll() throws Exception {
    Herald.awaitReady();
    report.title(settings, Runtime.getRuntime().availableProcessors());
    List<String> senders = tokens("bench-" + run + "-", 400);
    URI messages = Herald.base().resolve("api/messages");
    URI noop = Herald.base().resolve("api/dev/noop-send");
    warmUp(noop, messages, tokens("warm-" + run + "-", 100));

    Load limit = new Load(noop, senders, settings.connections());
    report.noop(limit, limit.closedLoop(seconds(settings.noopSeconds()), this::body));

    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(server::sample, 0, 5, TimeUnit.SECONDS);
    double keptUp = maximum(messages);
    sustained(
        messages, senders, settings.sustainedRate() > 0 ? settings.sustainedRate() : (int) keptUp);
    fixedRate(messages);
    sampler.shutdownNow();
    report.memory(server.peaks());

    String topic = "herald.bench-raw";
    kafka.createTopic(topic, 6);
    byte[] payload =
        Payloads.envelope(
            "bench-" + run + "-0", "raw-" + run, "bench-" + run + "-rcpt-0", Payloads.BODY + " #0");
    int records = settings.rawRecords();
    report.rawKafka(records, kafka.produce(topic, records, n -> "raw-" + (n % 1000), n -> payload));
    report.rawPostgres(
        records, new RawPostgres(db, dbUser, dbPassword).insert(records, 500, Payloads.BODY));

    Backlog backlog = new Backlog(kafka, server, db, dbUser, dbPassword);
    report.drain(backlog.drain(run, settings.drainRecords(), Payloads.BODY));

    InboxScale inbox = new InboxScale(db, dbUser, dbPassword);
    long seeded = inbox.seed(settings.inboxMessages());
    try (StoreProbe store = StoreProbe.forSenders("seed-u-")) {
      store.awaitAlertsDone(1800); // the drain's alerts
    }
    List<String> readers = InboxScale.tokens(200);
    // as many requests to warm up as to measure: the read path is compiled under load too
    inbox.measure("api/inbox?limit=20", 3000, readers);
    inbox.measure("api/inbox/counts", 3000, readers);
    report.inbox(
        seeded,
        inbox.measure("api/inbox?limit=20", 3000, readers),
        inbox.measure("api/inbox/counts", 3000, readers));
    report.print();
  }

  /**
   * As fast as answers come back: the front door's maximum. Storage falls behind at that rate on
   * two cores; returns 80 % of the rate it stored meanwhile, for the sustained run (at 90 % a full
   * run still saw POSTs queue).
   */
  private double maximum(URI messages) throws Exception {
    try (StoreProbe store = StoreProbe.forSenders("max-" + run + "-")) {
      Load max = new Load(messages, tokens("max-" + run + "-", 400), settings.connections());
      double elapsed = max.closedLoop(seconds(settings.maxSeconds()), n -> body("max-", n));
      long storedAtEnd = store.stored();
      store.awaitStored(max.acceptedAtMillis.size(), 600);
      report.maximum(max, elapsed, storedAtEnd);
      store.awaitAlertsDone(1800);
      return 0.8 * Math.min(max.acceptedAtMillis.size(), storedAtEnd) / elapsed;
    }
  }

  /** A fixed rate for minutes: does storage keep pace, and what do senders see? */
  private void sustained(URI messages, List<String> senders, int rate) throws Exception {
    try (StoreProbe store = StoreProbe.forSenders("bench-" + run + "-")) {
      Load load = new Load(messages, senders, settings.connections());
      double elapsed = load.fixedRate(rate, seconds(settings.sustainedSeconds()), this::body);
      long storedAtEnd = store.stored();
      double caughtUp = store.awaitStored(load.acceptedAtMillis.size(), 600);
      report.sustained(
          rate, load, elapsed, storedAtEnd, store.visibleAfterMillis(load.acceptedAtMillis));
      report.caughtUp(caughtUp, store.awaitAlertsDone(1800) + caughtUp);
    }
  }

  private void fixedRate(URI messages) throws Exception {
    try (StoreProbe store = StoreProbe.forSenders("fixed-" + run + "-")) {
      Load fixed = new Load(messages, tokens("fixed-" + run + "-", 100), settings.connections());
      double elapsed =
          fixed.fixedRate(settings.fixedRate(), seconds(settings.fixedRateSeconds()), this::body);
      store.awaitStored(fixed.acceptedAtMillis.size(), 600);
      report.fixedRate(
          settings.fixedRate(), fixed, elapsed, store.visibleAfterMillis(fixed.acceptedAtMillis));
      store.awaitAlertsDone(1800);
    }
  }

  /** Compiled code (see {@link WarmUp}) and an empty backlog before anything is measured. */
  private void warmUp(URI noop, URI messages, List<String> senders) throws Exception {
    Duration window = seconds(settings.warmupWindowSeconds());
    new Load(noop, senders, settings.connections()).closedLoop(window, this::body);
    try (StoreProbe store = StoreProbe.forSenders("warm-" + run + "-")) {
      WarmUp.Result warm =
          WarmUp.untilFlat(
              messages,
              senders,
              settings.connections(),
              window,
              seconds(settings.warmupSeconds()),
              this::body);
      report.warmUp(warm.rates(), window);
      store.awaitStored(warm.accepted(), 600);
      store.awaitAlertsDone(1800);
    }
  }

  private String body(int n) {
    return body("bench-", n);
  }

  private String body(String prefix, int n) {
    return Payloads.request(prefix + run + "-rcpt-" + (n % 1000), n);
  }

  private static Duration seconds(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static List<String> tokens(String prefix, int count) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(Herald.token(Json.createObjectBuilder().add("user", prefix + i).build()));
    }
    return tokens;
  }

  static double ms(Histogram micros, double percentile) {
    return micros.getValueAtPercentile(percentile) / 1000.0;
  }
}
