package dev.herald.bench;

import static dev.herald.bench.Benchmark.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The figures of one run, printed together at the end with their ratios. */
final class Report {
  private final List<String> lines = new ArrayList<>();
  private double noopRate;
  private double storedRate;

  void title(Settings settings, int cores) {
    add(
        "%nHerald benchmark, %s mode: %d connections, %d cores seen by the load generator",
        settings.mode(), settings.connections(), cores);
  }

  void warmUp(List<Double> rates, Duration window) {
    add(
        "warm-up, POST /api/messages in %d s windows until the rate stopped rising: %s /s",
        window.toSeconds(),
        rates.stream().map(r -> String.format("%,.0f", r)).collect(Collectors.joining(", ")));
  }

  void noop(Load load, double seconds) {
    noopRate = load.acceptedAtMillis.size() / seconds;
    add(
        "the limit: no-op POST /api/dev/noop-send  %,9.0f /s   p50/p99/p999 %s  (errors %d)",
        noopRate, latencies(load.latencyMicros), load.rejected.get() + load.failed.get());
  }

  void maximum(Load load, double seconds, long storedAtEnd) {
    long accepted = load.acceptedAtMillis.size();
    add("Herald at its maximum (closed loop) for %.0f s:", seconds);
    add(
        "  POST /api/messages accepted           %,9.0f /s   p50/p99/p999 %s  (refused %d, failed %d)",
        accepted / seconds, latencies(load.latencyMicros), load.rejected.get(), load.failed.get());
    add(
        "  stored meanwhile                      %,9.0f /s   lag when sending stopped %,d messages",
        storedAtEnd / seconds, accepted - storedAtEnd);
  }

  void sustained(int rate, Load load, double seconds, long storedAtEnd, Histogram visible) {
    long accepted = load.acceptedAtMillis.size();
    double postRate = accepted / seconds;
    storedRate = storedAtEnd / seconds;
    long lag = accepted - storedAtEnd;
    add("Herald sustained: %,d sends/s offered for %.0f s", rate, seconds);
    add(
        "  POST /api/messages accepted           %,9.0f /s   p50/p99/p999 %s  (refused %d, failed %d, not sent %d)",
        postRate,
        latencies(load.latencyMicros),
        load.rejected.get(),
        load.failed.get(),
        load.dropped.get());
    add(
        "  sent→stored                           %,9.0f /s   = %.0f %% of the no-op limit",
        storedRate, 100 * storedRate / noopRate);
    add(
        "  lag when sending stopped              %,9d messages = %.2f s of traffic",
        lag, postRate == 0 ? 0 : lag / postRate);
    add(
        "  POST→stored p50/p99/p999              %,d / %,d / %,d ms",
        visible.getValueAtPercentile(50),
        visible.getValueAtPercentile(99),
        visible.getValueAtPercentile(99.9));
  }

  void caughtUp(double stored, double alerted) {
    add(
        "  after sending stopped: all stored in %.1f s, all alerts sent in %.1f s",
        stored, alerted);
  }

  void fixedRate(int rate, Load load, double seconds, Histogram visible) {
    add(
        "Herald at %,d sends/s offered for %.0f s: accepted %,.0f /s (refused %d, failed %d, not sent %d)",
        rate,
        seconds,
        load.acceptedAtMillis.size() / seconds,
        load.rejected.get(),
        load.failed.get(),
        load.dropped.get());
    add("  POST p50/p99/p999                     %s", latencies(load.latencyMicros));
    add(
        "  POST→stored (visible) p50/p99/p999    %,d / %,d / %,d ms",
        visible.getValueAtPercentile(50),
        visible.getValueAtPercentile(99),
        visible.getValueAtPercentile(99.9));
  }

  void memory(String peaks) {
    add("Liberty under load (peak of 5 s samples)  %s", peaks);
  }

  void rawKafka(int records, double rate) {
    add(
        "plain Kafka producer, same record and settings  %,9.0f records/s (%,d records)"
            + "  Herald sent→stored = %.1f %% of it",
        rate, records, 100 * storedRate / rate);
  }

  void rawPostgres(int rows, double rate) {
    add(
        "plain batched insert into a messages copy       %,9.0f rows/s (%,d rows, 500 per"
            + " transaction)  Herald = %.1f %% of it",
        rate, rows, 100 * storedRate / rate);
  }

  void drain(Backlog.Drained drained) {
    add(
        "backlog drain: %,d messages stored in %.1f s = %,.0f /s (%.1f s including Liberty's start)",
        drained.messages(), drained.seconds(), drained.perSecond(), drained.wallSeconds());
  }

  void inbox(long messages, Histogram page, Histogram counts) {
    add(
        "reads with %,d seeded messages among %,d users (one connection, 3,000 each):",
        messages, InboxScale.USERS);
    add("  GET /api/inbox?limit=20               p50/p99/p999 %s", latencies(page));
    add("  GET /api/inbox/counts                 p50/p99/p999 %s", latencies(counts));
  }

  void print() {
    lines.forEach(System.out::println);
  }

  private void add(String format, Object... args) {
    lines.add(String.format(format, args));
    System.out.println(lines.get(lines.size() - 1));
  }

  private static String latencies(Histogram micros) {
    return String.format("%.1f / %.1f / %.1f ms", ms(micros, 50), ms(micros, 99), ms(micros, 99.9));
  }
}
