package dev.herald.bench;

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
  private static final int REST_SECONDS = 5;

  private final Rig rig;
  private final Report report = new Report();
  private final Summary summary = new Summary();

  private Benchmark(Rig rig) {
    this.rig = rig;
  }

  public static void main(String[] args) throws Exception {
    QuietLogging.apply();
    try {
      ServerProcess.awaitReady();
      try (Rig rig = new Rig()) {
        new Benchmark(rig).runAll();
      }
    } catch (Exception | Error e) {
      // the build stops Liberty only after a successful run; do not leave it behind
      new ServerProcess().stop();
      throw e;
    }
  }

  private void runAll() throws Exception {
    report.title(rig, Runtime.getRuntime().availableProcessors());
    rig.probe.watch(rig.audience.probes());
    Settings settings = rig.settings;
    if (settings.runs("rounds")) {
      warmUp();
      atRest();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(rig.server::sample, 0, 5, TimeUnit.SECONDS);
      SendFigures hold = new Rounds(rig, report, summary).run();
      sampler.shutdownNow();
      Report.print("Liberty under load (peaks of 5 s samples)  %s", rig.server.peaks());
      Verdicts.headlines(summary, settings.fixedRate(), hold);
      summary.row("Liberty under load (peaks)", rig.server.peaks(), "—", null);
    }
    RawKafka kafka = new RawKafka(System.getProperty("herald.it.kafka.bootstrap"));
    if (settings.runs("baselines")) {
      Baselines baselines = new Baselines(rig, kafka);
      Verdicts.baselines(summary, baselines.kafka(), baselines.postgres());
    }
    if (settings.runs("drain")) {
      Verdicts.drain(summary, new Backlog(rig, kafka).drain(settings.drainRecords()));
    }
    if (settings.runs("reads")) {
      new Reads(rig).measure().summarize(summary);
    }
    if (settings.runs("streams")) {
      streams();
    }
    String heading = String.format("Herald benchmark, %s mode: summary", settings.mode());
    Report.print("%n%s%n%n%s", heading, summary.table());
    Path file = Path.of("target", "benchmark.md");
    summary.write(file, heading);
    Report.print("(also in %s)", file);
  }

  /** Compiled code (see {@link WarmUp}) and an empty backlog before anything is measured. */
  private void warmUp() throws Exception {
    int window = rig.settings.warmupWindowSeconds();
    rig.generator(Progress.NONE)
        .closedLoop(
            rig.sends("api/dev/noop-send"), rig.settings.connections(), SendPhases.seconds(window));
    long mark = rig.store.mark();
    WarmUp.Result warm =
        WarmUp.untilFlat(
            rig,
            rig.sends("api/messages"),
            rig.settings.connections(),
            SendPhases.seconds(window),
            SendPhases.seconds(rig.settings.warmupSeconds()));
    report.warmUp(warm, window);
    rig.store.awaitStored(mark, warm.accepted(), 900, "warm-up, storing");
    rig.store.awaitAlertsDone(1800);
  }

  /** What each process costs with nothing to do (heartbeats, polls, the probes): the floor. */
  private void atRest() throws Exception {
    CpuMeter.Reading start = rig.cpu.read();
    TimeUnit.SECONDS.sleep(REST_SECONDS);
    Report.print("at rest for %d s, nothing sent: %s", REST_SECONDS, rig.cpu.since(start).cores());
  }

  private void streams() throws Exception {
    if (!StreamPhase.available()) {
      Report.print("live streams: not measured (GET /api/stream answers 404 on this server)");
      summary.row(
          "live streams: POST→event p99", "not measured: no GET /api/stream", "≤ 250 ms", null);
      return;
    }
    Verdicts.streams(summary, new StreamPhase(rig).run());
  }
}
