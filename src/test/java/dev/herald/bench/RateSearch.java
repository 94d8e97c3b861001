package dev.herald.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * Finds the sustained rate instead of choosing it: offered rates go up by a factor while each step
 * holds (down while they fail), then one or more steps split the gap between the highest that held
 * and the lowest that did not.
 */
final class RateSearch {
  /** Whether a step held: lag at most a second of traffic, POST p99 at most 25 ms. */
  static final double MAX_LAG_SECONDS = 1.0;

  static final double MAX_POST_P99_MILLIS = 25;

  /** At most one send in a thousand not accepted (refused, failed, not sent). */
  static final double MAX_NOT_ACCEPTED = 0.001;

  /** What one step measured; {@code figures} is whatever the caller keeps beside it. */
  record Step<F>(
      int offered,
      long sends,
      long notAccepted,
      double lagSeconds,
      double postP99Millis,
      F figures) {
    boolean held() {
      return lagSeconds <= MAX_LAG_SECONDS
          && postP99Millis <= MAX_POST_P99_MILLIS
          && notAccepted <= MAX_NOT_ACCEPTED * Math.max(1, sends);
    }
  }

  /** Every step in the order tried, and the highest offered rate that held (if any did). */
  record Result<F>(List<Step<F>> steps, OptionalInt held) {}

  private final double factor;
  private final int min;
  private final int max;
  private final int refinements;

  RateSearch(double factor, int min, int max, int refinements) {
    this.factor = factor;
    this.min = min;
    this.max = max;
    this.refinements = refinements;
  }

  <F> Result<F> run(int start, IntFunction<Step<F>> trial) {
    List<Step<F>> steps = new ArrayList<>();
    int rate = clamp(nice(start));
    Step<F> step = tried(steps, trial, rate);
    boolean up = step.held();
    while (step.held() == up) {
      int next = clamp(nice(up ? rate * factor : rate / factor));
      if (next == rate) {
        break; // at the top or the bottom of the range
      }
      rate = next;
      step = tried(steps, trial, rate);
    }
    for (int i = 0; i < refinements; i++) {
      OptionalInt held = highestHeld(steps);
      OptionalInt failed = lowestFailedAbove(steps, held.orElse(0));
      if (held.isEmpty() || failed.isEmpty()) {
        break;
      }
      int middle = nice(Math.sqrt((double) held.getAsInt() * failed.getAsInt()));
      if (middle <= held.getAsInt() || middle >= failed.getAsInt()) {
        break;
      }
      tried(steps, trial, middle);
    }
    return new Result<>(steps, highestHeld(steps));
  }

  private static <F> Step<F> tried(List<Step<F>> steps, IntFunction<Step<F>> trial, int rate) {
    Step<F> step = trial.apply(rate);
    steps.add(step);
    return step;
  }

  private static <F> OptionalInt highestHeld(List<Step<F>> steps) {
    return steps.stream().filter(Step::held).mapToInt(Step::offered).max();
  }

  private static <F> OptionalInt lowestFailedAbove(List<Step<F>> steps, int rate) {
    return steps.stream()
        .filter(s -> !s.held() && s.offered() > rate)
        .min(Comparator.comparingInt(Step::offered))
        .map(s -> OptionalInt.of(s.offered()))
        .orElse(OptionalInt.empty());
  }

  private int clamp(int rate) {
    return Math.max(min, Math.min(max, rate));
  }

  /** Rates people can read: tens below 1,000, fifties above. */
  static int nice(double rate) {
    int unit = rate < 1000 ? 10 : 50;
    return (int) Math.max(unit, Math.round(rate / unit) * unit);
  }
}
