package dev.herald.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the server until its rate stops rising. Liberty's request path takes minutes of load to be
 * compiled on two shared cores (a development server answered 180 POSTs/s in its first 90 s and
 * 1,300 to 2,200/s after five minutes), so a warm-up of fixed length measured the JIT compiler as
 * much as the code.
 */
final class WarmUp {
  /** A window counts as flat when its rate is no more than this above the best before it. */
  private static final double GAIN = 1.05;

  private static final int FLAT_WINDOWS = 3;

  /** The rate of each window, and how many sends were accepted in all. */
  record Result(List<Double> rates, long accepted) {}

  private WarmUp() {}

  /**
   * Closed-loop windows until three in a row are flat, or until {@code max} is up; a progress line
   * after each window.
   */
  static Result untilFlat(
      Rig rig, Requests requests, int connections, Duration window, Duration max) throws Exception {
    List<Double> rates = new ArrayList<>();
    long accepted = 0;
    double best = 0;
    int flat = 0;
    long start = System.nanoTime();
    long end = start + max.toNanos();
    while (flat < FLAT_WINDOWS && System.nanoTime() + window.toNanos() <= end) {
      // long windows (full mode) say how they are going; short ones end before a line is due
      Progress progress =
          window.toSeconds() > 15
              ? new Progress("warm-up, window " + (rates.size() + 1), 0, "sends")
              : Progress.NONE;
      LoadResult load = rig.generator(progress).closedLoop(requests, connections, window);
      double rate = load.acceptedPerSecond();
      accepted += load.accepted();
      rates.add(rate);
      flat = rate > best * GAIN ? 0 : flat + 1;
      best = Math.max(best, rate);
      System.out.printf(
          "  … warm-up: window %d, %,.0f POSTs/s; %.0f of at most %d s, flat for %d of %d%n",
          rates.size(),
          rate,
          (System.nanoTime() - start) / 1e9,
          max.toSeconds(),
          flat,
          FLAT_WINDOWS);
    }
    return new Result(rates, accepted);
  }
}
