package dev.herald.bench;

import static dev.herald.bench.Figures.micros;
import static dev.herald.bench.Figures.millis;
import static dev.herald.bench.Figures.rate;

import dev.herald.bench.Summary.Target;

/** The headline rows of the summary: the figures of every round against issue 14's targets. */
final class Verdicts {
  private Verdicts() {}

  static void headlines(Summary summary, int fixedRate, SendFigures hold) {
    summary.ranged("the limit: no-op POST, closed loop", "noop", r -> rate(r) + " /s", null);
    summary.ranged("Herald's maximum, closed loop: accepted", "max", r -> rate(r) + " /s", null);
    summary.ranged("  stored meanwhile", "max.stored", r -> rate(r) + " /s", null);
    summary.ranged(
        "sustained rate found (steps: lag ≤ 1 s, POST p99 ≤ 25 ms)",
        "found",
        r -> r > 0 ? rate(r) + " /s" : "none held",
        Target.atLeast(4000, "≥ 4,000 /s"));
    summary.ranged(
        "  as a share of the no-op limit",
        "found.share",
        p -> String.format("%.0f %%", p),
        Target.atLeast(50, "≥ 50 %"));
    if (hold != null) {
      summary.row(
          String.format("  held for %.0f s at %s /s", hold.load().seconds, rate(hold.offered())),
          String.format(
              "sent→stored %s /s, lag %.2f s, POST p99 %s ms",
              rate(hold.storedPerSecond()), hold.lagSeconds(), millis(hold.postP99Millis())),
          "lag ≤ 1 s",
          hold.lagSeconds() <= 1);
    }
    summary.ranged(
        "CPU per stored message at the found rate (else the maximum): Herald",
        "cpu.herald",
        Verdicts::micro,
        Target.atMost(500, "≤ 500 µs"));
    summary.ranged(
        "  Liberty", "cpu." + CpuUse.LIBERTY, Verdicts::micro, Target.atMost(300, "≤ 300 µs"));
    summary.ranged(
        "  PostgreSQL (all processes)",
        "cpu." + CpuUse.POSTGRES,
        Verdicts::micro,
        Target.atMost(150, "≤ 150 µs"));
    summary.ranged(
        "  broker", "cpu." + CpuUse.BROKER, Verdicts::micro, Target.atMost(60, "≤ 60 µs"));
    summary.ranged("  generator (not Herald's)", "cpu." + CpuUse.GENERATOR, Verdicts::micro, null);
    String fixed = rate(fixedRate) + " sends/s offered: ";
    summary.ranged(
        fixed + "POST p99", "fixed.post.p99", Verdicts::ms, Target.atMost(25, "≤ 25 ms"));
    summary.ranged(
        fixed + "POST→visible p99",
        "fixed.visible.p99",
        Verdicts::ms,
        Target.atMost(250, "≤ 250 ms"));
    summary.ranged("  POST→visible p50", "fixed.visible.p50", Verdicts::ms, null);
  }

  static void baselines(Summary summary, Baselines.Baseline producer, Baselines.Baseline insert) {
    summary.row(
        "plain Kafka producer, Herald's settings",
        rate(producer.perSecond())
            + " records/s, broker "
            + micro(producer.micros(CpuUse.BROKER))
            + "/record",
        "—",
        null);
    summary.row(
        "plain insert into a messages copy",
        rate(insert.perSecond())
            + " rows/s, PostgreSQL "
            + micro(insert.micros(CpuUse.POSTGRES))
            + "/row",
        "—",
        null);
  }

  static void drain(Summary summary, Backlog.Drained drained) {
    summary.row(
        "backlog drain",
        rate(drained.perSecond())
            + " /s, Herald "
            + micro(drained.cpu().heraldMicros(drained.messages()))
            + "/msg",
        "≥ 10,000 /s",
        drained.perSecond() >= 10_000);
  }

  static void streams(Summary summary, StreamPhase.Measured streams) {
    double p99 = streams.sends().visibleMillis(99);
    summary.row(
        String.format(
            "%,d streams, %s msgs/s to them: POST→event p99",
            streams.open(), rate(streams.sends().offered())),
        ms(p99) + " (p50 " + ms(streams.sends().visibleMillis(50)) + ")",
        "≤ 250 ms",
        Double.isNaN(p99) ? null : p99 <= 250);
    summary.row(
        "  Liberty without / with the streams",
        String.format(
            "heap %,d / %,d MiB, RSS %,d / %,d MiB",
            streams.heapWithoutKb() / 1024,
            streams.heapWithKb() / 1024,
            streams.rssWithoutKb() / 1024,
            streams.rssWithKb() / 1024),
        "—",
        null);
  }

  private static String micro(double micros) {
    return Double.isNaN(micros) ? "n/a" : micros(micros) + " µs";
  }

  private static String ms(double millis) {
    return Double.isNaN(millis) ? "n/a" : millis(millis) + " ms";
  }
}
