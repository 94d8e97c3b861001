package dev.herald.bench;

import dev.herald.testing.Herald;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * The send benchmark: a steady rate of POST /api/messages against the running server, then how fast
 * and how late the messages reached PostgreSQL. Run with {@code ./mvnw -Pbench verify} (see
 * README); settings are the system properties bench.rate, bench.seconds, bench.connections.
 */
public final class SendBenchmark {
  private SendBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = Integer.getInteger("bench.rate", 500);
    int seconds = Integer.getInteger("bench.seconds", 30);
    int connections = Integer.getInteger("bench.connections", 8);
    String run = UUID.randomUUID().toString().substring(0, 8);

    List<String> tokens = new ArrayList<>();
    // enough senders that none reaches the per-sender rate limit (50/s) at 10,000 sends/s
    for (int i = 0; i < 200; i++) {
      tokens.add(
          Herald.token(Json.createObjectBuilder().add("user", "bench-" + run + "-" + i).build()));
    }
    warmUp(run, connections, rate, Integer.getInteger("bench.warmup", 20));
    SteadyLoad load = new SteadyLoad(Herald.base(), tokens, connections);
    try (StoreProbe store = StoreProbe.forSenders("bench-" + run + "-")) {
      double elapsed = load.run(rate, Duration.ofSeconds(seconds), n -> body(run, n));
      long storedAtEnd = store.stored();
      long accepted = load.acceptedAtMillis.size();
      double drained = store.awaitStored(accepted, 300);
      long stored = store.stored();
      Histogram visible = store.visibleAfterMillis(load.acceptedAtMillis);
      Histogram post = load.latencyMicros;

      System.out.printf(
          "%nHerald send benchmark: %d msg/s offered for %d s over %d connections%n",
          rate, seconds, connections);
      System.out.printf(
          "  sends accepted (202)      %,10d   rejected %d, failed %d, not sent (client saturated) %d%n",
          accepted, load.rejected.get(), load.failed.get(), load.dropped.get());
      System.out.printf("  sustained POST rate       %,10.0f /s%n", accepted / elapsed);
      System.out.printf(
          "  POST latency p50 / p99    %10.1f / %.1f ms (max %.1f)%n",
          post.getValueAtPercentile(50) / 1000.0,
          post.getValueAtPercentile(99) / 1000.0,
          post.getMaxValue() / 1000.0);
      System.out.printf(
          "  sent->stored rate         %,10.0f /s (%,d stored by the end of sending, all %,d after %.1f s more)%n",
          stored / (elapsed + drained), storedAtEnd, stored, drained);
      System.out.printf(
          "  POST->visible p50 / p99   %10d / %d ms (max %d)%n",
          visible.getValueAtPercentile(50),
          visible.getValueAtPercentile(99),
          visible.getMaxValue());
      System.out.printf(
          "  stored exactly once       %10s%n",
          stored == accepted ? "yes" : "NO: " + stored + " of " + accepted);
    }
  }

  /** Load from other senders first, so that the measured run meets JIT-compiled code. */
  /**
   * Load from other senders first, until all of it is stored, so that the measured run meets
   * JIT-compiled code and an empty backlog.
   */
  private static void warmUp(String run, int connections, int rate, int seconds) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tokens.add(
          Herald.token(Json.createObjectBuilder().add("user", "warmup-" + run + "-" + i).build()));
    }
    SteadyLoad warmUp = new SteadyLoad(Herald.base(), tokens, connections);
    warmUp.run(rate, Duration.ofSeconds(seconds), n -> body("warmup", n));
    try (StoreProbe store = StoreProbe.forSenders("warmup-" + run + "-")) {
      store.awaitStored(warmUp.acceptedAtMillis.size(), 300);
    }
  }

  static String body(String run, int n) {
    return Json.createObjectBuilder()
        .add("to", Json.createArrayBuilder(List.of("bench-" + run + "-rcpt-" + (n % 100))))
        .add("body", "benchmark message " + n + " — 안녕하세요")
        .build()
        .toString();
  }
}
