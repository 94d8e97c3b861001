package dev.herald.bench;

import static dev.herald.bench.Figures.latencies;
import static dev.herald.bench.Figures.millis;
import static dev.herald.bench.Figures.rate;

import java.util.List;
import java.util.stream.Collectors;

/** Prints each phase's figures as it ends, in the same words as the summary table. */
final class Report {
  static final String STEP_HEADER =
      String.format(
          "  %8s %9s %9s %6s %15s %17s  %-28s %s",
          "offered",
          "accepted",
          "stored/s",
          "lag s",
          "POST p50/p99",
          "visible p50/p99",
          "CPU µs/msg Lib/PG/brk/gen",
          "held");

  void title(Rig rig, int cores) {
    Settings s = rig.settings;
    print(
        "%nHerald benchmark, %s mode, %d round(s): %d cores seen by the generator (one NIO thread;"
            + " closed loop on %d connections, open loop on up to %d); %d senders, POST→visible"
            + " from 1 send in %d to %d probe recipients: %s",
        s.mode(),
        s.repeats(),
        cores,
        s.connections(),
        s.openConnections(),
        s.senders(),
        Rig.PROBE_EVERY,
        Rig.PROBES,
        rig.probe.describe());
  }

  void warmUp(WarmUp.Result warm, int windowSeconds) {
    print(
        "warm-up, POST /api/messages in %d s windows until the rate stopped rising: %s /s",
        windowSeconds, warm.rates().stream().map(Figures::rate).collect(Collectors.joining(", ")));
  }

  void noop(SendFigures noop) {
    print(
        "the limit: no-op POST /api/dev/noop-send, closed loop, %.0f s: %s /s, p50/p99/p999 %s%s",
        noop.load().seconds,
        rate(noop.load().acceptedPerSecond()),
        latencies(noop.load().latencyMicros),
        notAccepted(noop.load()));
    print("  %s", noop.cpu().line(noop.accepted(), "request"));
  }

  void maximum(SendFigures max) {
    print(
        "Herald at its maximum, closed loop, %.0f s: accepted %s /s, p50/p99/p999 %s%s",
        max.load().seconds,
        rate(max.load().acceptedPerSecond()),
        latencies(max.load().latencyMicros),
        notAccepted(max.load()));
    print(
        "  stored meanwhile %s /s, lag when sending stopped %,d messages (%.1f s of traffic),"
            + " all stored %.1f s later",
        rate(max.storedPerSecond()), max.lag(), max.lagSeconds(), max.caughtUpSeconds());
    print("  %s", max.cpu().line(max.accepted()));
  }

  void searchStart(int round, int stepSeconds) {
    print(
        "sustained rate search%s, open loop, %d s steps (a step holds with lag ≤ %.0f s of"
            + " traffic, POST p99 ≤ %.0f ms, ≤ %.1f %% not accepted):",
        round > 0 ? " (round " + round + ")" : "",
        stepSeconds,
        RateSearch.MAX_LAG_SECONDS,
        RateSearch.MAX_POST_P99_MILLIS,
        RateSearch.MAX_NOT_ACCEPTED * 100);
    print(STEP_HEADER);
  }

  void step(SendFigures step, boolean held) {
    print(
        "  %8s %9s %9s %6.2f %15s %17s  %-28s %s",
        rate(step.offered()),
        rate(step.load().acceptedPerSecond()),
        rate(step.storedPerSecond()),
        step.lagSeconds(),
        millis(Figures.ms(step.load().latencyMicros, 50)) + " / " + millis(step.postP99Millis()),
        millis(step.visibleMillis(50)) + " / " + millis(step.visibleMillis(99)),
        cpuColumns(step),
        held ? "yes" : "no");
  }

  static String cpuColumns(SendFigures step) {
    return List.of(CpuUse.LIBERTY, CpuUse.POSTGRES, CpuUse.BROKER, CpuUse.GENERATOR).stream()
            .map(p -> Figures.micros(step.micros(p)))
            .collect(Collectors.joining("/"))
        + " = "
        + Figures.micros(step.cpu().heraldMicros(step.accepted()));
  }

  void sendPhase(String title, SendFigures phase) {
    print(
        "%s: accepted %s /s, sent→stored %s /s, lag when sending stopped %,d (%.2f s of traffic)%s",
        title,
        rate(phase.load().acceptedPerSecond()),
        rate(phase.storedPerSecond()),
        phase.lag(),
        phase.lagSeconds(),
        notAccepted(phase.load()));
    print("  POST p50/p99/p999 %s", latencies(phase.load().latencyMicros));
    print(
        "  POST→visible p50/p99/p999 %s (%,d of %,d probed sends seen)",
        latencies(phase.visible().micros()), phase.visible().seen(), phase.visible().probed());
    print(
        "  all stored %.1f s after sending stopped, all alerts sent %.1f s after that",
        phase.caughtUpSeconds(), phase.alertsSeconds());
    print("  %s", phase.cpu().line(phase.accepted()));
  }

  static String notAccepted(LoadResult load) {
    return load.notAccepted() == 0
        ? ""
        : String.format(
            " (not accepted: %,d refused, %,d failed, %,d not sent)",
            load.rejected, load.failed, load.dropped);
  }

  static void print(String format, Object... args) {
    System.out.println(String.format(format, args));
  }
}
