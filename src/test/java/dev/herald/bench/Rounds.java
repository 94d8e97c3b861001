package dev.herald.bench;

import static dev.herald.bench.Figures.rate;

import java.util.OptionalInt;

/**
 * The headline phases, repeated {@code bench.repeats} times (3 in full mode) so that each figure
 * comes with its spread: the no-op limit, Herald's closed-loop maximum, the sustained rate found by
 * stepping the offered rate up, and the fixed 1,000 sends/s. Then the median found rate is held for
 * {@code bench.sustained.seconds} (5 minutes in full mode).
 */
final class Rounds {
  private static final double STEP_FACTOR = 1.25;

  private final Rig rig;
  private final SendPhases phases;
  private final Report report;
  private final Summary summary;

  Rounds(Rig rig, Report report, Summary summary) {
    this.rig = rig;
    this.phases = new SendPhases(rig);
    this.report = report;
    this.summary = summary;
  }

  /** Runs the rounds; returns the sustained phase at the median found rate (null if none held). */
  SendFigures run() throws Exception {
    for (int round = 1; round <= rig.settings.repeats(); round++) {
      round(rig.settings.repeats() > 1 ? round : 0);
    }
    return hold((int) summary.spread("found").median());
  }

  private void round(int round) throws Exception {
    SendFigures noop = phases.noop();
    report.noop(noop);
    summary.record("noop", noop.load().acceptedPerSecond());
    SendFigures max = phases.maximum();
    report.maximum(max);
    summary.record("max", max.load().acceptedPerSecond());
    summary.record("max.stored", max.storedPerSecond());
    int start =
        rig.settings.searchStart() > 0
            ? rig.settings.searchStart()
            : RateSearch.nice(max.storedPerSecond() / 2);
    found(search(round, start, noop.load().acceptedPerSecond()), noop, max);
    SendFigures fixed =
        phases.openLoop(
            "fixed", rig.settings.fixedRate(), SendPhases.seconds(rig.settings.fixedRateSeconds()));
    report.sendPhase(
        String.format(
            "Herald at %s sends/s offered for %d s",
            rate(rig.settings.fixedRate()), rig.settings.fixedRateSeconds()),
        fixed);
    summary.record("fixed.post.p99", fixed.postP99Millis());
    summary.record("fixed.visible.p99", fixed.visibleMillis(99));
    summary.record("fixed.visible.p50", fixed.visibleMillis(50));
  }

  private RateSearch.Result<SendFigures> search(int round, int start, double noopRate) {
    report.searchStart(round, rig.settings.stepSeconds());
    int max = Math.max(100, (int) (2 * noopRate));
    return new RateSearch(STEP_FACTOR, 50, max, 1)
        .run(
            start,
            rate -> {
              try {
                SendFigures step =
                    phases.openLoop("step", rate, SendPhases.seconds(rig.settings.stepSeconds()));
                report.step(step, step.step().held());
                return step.step();
              } catch (Exception e) {
                throw new IllegalStateException("the step at " + rate + " /s failed", e);
              }
            });
  }

  /**
   * Records the highest rate that held, and the CPU per message at it (at the maximum when no step
   * held: the CPU is still worth knowing where the latency target is missed).
   */
  private void found(RateSearch.Result<SendFigures> search, SendFigures noop, SendFigures max) {
    OptionalInt held = search.held();
    double found = held.orElse(0);
    Report.print(
        "  highest rate that held: %s",
        held.isPresent()
            ? rate(found) + " sends/s = " + percent(found, noop) + " of the no-op limit"
            : "none");
    summary.record("found", found);
    summary.record("found.share", 100 * found / noop.load().acceptedPerSecond());
    SendFigures at =
        search.steps().stream()
            .filter(s -> held.isPresent() && s.offered() == held.getAsInt())
            .map(RateSearch.Step::figures)
            .findFirst()
            .orElse(max);
    for (String process : CpuUse.HERALD) {
      summary.record("cpu." + process, at.micros(process));
    }
    summary.record("cpu.herald", at.cpu().heraldMicros(at.accepted()));
    summary.record("cpu." + CpuUse.GENERATOR, at.micros(CpuUse.GENERATOR));
  }

  private SendFigures hold(int rate) throws Exception {
    if (rate <= 0) {
      Report.print("sustained: no rate held, nothing to hold");
      return null;
    }
    int seconds = rig.settings.sustainedSeconds();
    SendFigures hold = phases.openLoop("sustained", rate, SendPhases.seconds(seconds));
    report.sendPhase(
        String.format(
            "Herald sustained at %s sends/s (the median found) for %d s", rate(rate), seconds),
        hold);
    return hold;
  }

  private static String percent(double rate, SendFigures noop) {
    return String.format("%.0f %%", 100 * rate / noop.load().acceptedPerSecond());
  }
}
