package dev.herald.bench;

import static dev.herald.bench.Figures.micros;
import static dev.herald.bench.Figures.rate;

import dev.herald.testing.Herald;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark: Herald end to end beside what bounds it, measured in the same run on the same
 * machine, with the CPU of every process per message: the same POST without Kafka (no-op), the
 * sustained rate found step by step, a plain Kafka producer and plain inserts with Herald's own
 * settings, the backlog drain, reads at scale and live streams; a summary against the targets at
 * the end. Run with {@code ./mvnw -Pbench verify} (quick) or {@code -Dbench.mode=full}; see
 * docs/performance.md.
 */
public final class Benchmark {
  private final Rig rig;
  private final Report report = new Report();
  private final Summary summary = new Summary();

  private Benchmark(Rig rig) {
    this.rig = rig;
  }

  public static void main(String[] args) throws Exception {
    QuietLogging.apply();
    Herald.awaitReady();
    try (Rig rig = new Rig()) {
      try {
        new Benchmark(rig).runAll();
      } catch (Exception | Error e) {
        // the build stops Liberty only after a successful run; do not leave it behind
        rig.server.stop();
        throw e;
      }
    }
  }

  private void runAll() throws Exception {
    report.title(rig, Runtime.getRuntime().availableProcessors());
    rig.probe.watch(rig.audience.probes());
    warmUp();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(rig.server::sample, 0, 5, TimeUnit.SECONDS);
    SendFigures hold = new Rounds(rig, report, summary).run();
    sampler.shutdownNow();
    Report.print("Liberty under load (peaks of 5 s samples)  %s", rig.server.peaks());
    RawKafka kafka = new RawKafka(System.getProperty("herald.it.kafka.bootstrap"));
    Baselines baselines = new Baselines(rig, kafka);
    Baselines.Baseline producer = baselines.kafka();
    Baselines.Baseline insert = baselines.postgres();
    Backlog.Drained drained =
        new Backlog(rig, kafka).drain(rig.settings.drainRecords(), Payloads.BODY);
    printDrain(drained);
    Reads.Measured reads = new Reads(rig).measure();
    Verdicts.headlines(summary, rig.settings.fixedRate(), hold);
    summarize(producer, insert, drained, reads);
  }

  /** Compiled code (see {@link WarmUp}) and an empty backlog before anything is measured. */
  private void warmUp() throws Exception {
    Generator generator = rig.generator(Progress.NONE);
    int window = rig.settings.warmupWindowSeconds();
    generator.closedLoop(
        rig.sends("api/dev/noop-send"), rig.settings.connections(), SendPhases.seconds(window));
    long mark = rig.store.mark();
    WarmUp.Result warm =
        WarmUp.untilFlat(
            generator,
            rig.sends("api/messages"),
            rig.settings.connections(),
            SendPhases.seconds(window),
            SendPhases.seconds(rig.settings.warmupSeconds()));
    report.warmUp(warm, window);
    rig.store.awaitStored(mark, warm.accepted(), 900, "warm-up, storing");
    rig.store.awaitAlertsDone(1800);
  }

  private static void printDrain(Backlog.Drained drained) {
    Report.print(
        "backlog drain (Liberty stopped, records to the topic, Liberty started: %.0f s):"
            + " %,d messages stored in %.1f s after it was ready = %s /s",
        drained.startSeconds(), drained.messages(), drained.seconds(), rate(drained.perSecond()));
    Report.print("  %s", drained.cpu().line(drained.messages()));
  }

  private void summarize(
      Baselines.Baseline producer,
      Baselines.Baseline insert,
      Backlog.Drained drained,
      Reads.Measured reads)
      throws Exception {
    summary.row("Liberty under load (peaks)", rig.server.peaks(), "—", null);
    summary.row(
        "plain Kafka producer, Herald's settings",
        rate(producer.perSecond())
            + " records/s, broker "
            + micros(producer.micros(CpuUse.BROKER))
            + " µs/record",
        "—",
        null);
    summary.row(
        "plain insert into a messages copy",
        rate(insert.perSecond())
            + " rows/s, PostgreSQL "
            + micros(insert.micros(CpuUse.POSTGRES))
            + " µs/row",
        "—",
        null);
    summary.row(
        "backlog drain",
        rate(drained.perSecond())
            + " /s, "
            + micros(drained.cpu().heraldMicros(drained.messages()))
            + " µs/msg",
        "≥ 10,000 /s",
        drained.perSecond() >= 10_000);
    reads.summarize(summary);
    String heading = String.format("Herald benchmark, %s mode: summary", rig.settings.mode());
    Report.print("%n%s%n%n%s", heading, summary.table());
    Path file = Path.of("target", "benchmark.md");
    summary.write(file, heading);
    Report.print("(also in %s)", file);
  }
}
