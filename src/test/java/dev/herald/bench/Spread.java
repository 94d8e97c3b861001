package dev.herald.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

/** One figure measured in several rounds: its median, with min and max beside it. */
record Spread(double[] values) {

  static Spread of(List<Double> values) {
    return new Spread(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private double[] measured() {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
  }

  double min() {
    double[] sorted = measured();
    return sorted.length == 0 ? Double.NaN : sorted[0];
  }

  double max() {
    double[] sorted = measured();
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  double median() {
    double[] sorted = measured();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** "median (min–max)" with more than one value, else the value alone. */
  String format(DoubleFunction<String> figure) {
    if (measured().length <= 1) {
      return figure.apply(median());
    }
    return String.format(
        "%s (%s–%s)", figure.apply(median()), figure.apply(min()), figure.apply(max()));
  }
}
