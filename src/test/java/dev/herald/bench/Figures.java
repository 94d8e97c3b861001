package dev.herald.bench;

import org.HdrHistogram.Histogram;

/** How figures are written: the same way in the progress lines, the phases and the summary. */
final class Figures {
  private Figures() {}

  static String micros(double micros) {
    return Double.isNaN(micros) ? "n/a" : String.format("%,.0f", micros);
  }

  static String rate(double perSecond) {
    return Double.isNaN(perSecond) ? "n/a" : String.format("%,.0f", perSecond);
  }

  static String millis(double millis) {
    if (Double.isNaN(millis)) {
      return "n/a";
    }
    return millis < 100 ? String.format("%.1f", millis) : String.format("%,.0f", millis);
  }

  static double ms(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0
        ? Double.NaN
        : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** p50 / p99 / p999 of a histogram of microseconds, in milliseconds. */
  static String latencies(Histogram micros) {
    return String.format(
        "%s / %s / %s ms",
        millis(ms(micros, 50)), millis(ms(micros, 99)), millis(ms(micros, 99.9)));
  }
}
