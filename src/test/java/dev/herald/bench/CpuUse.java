package dev.herald.bench;

import java.util.List;
import java.util.Map;

/**
 * CPU seconds per process over one phase and its wall time. Herald's cost is Liberty, PostgreSQL
 * and the broker (the targets of issue 14); the generator is shown beside them so that a phase
 * whose generator took a large share can be told apart.
 */
record CpuUse(double wallSeconds, Map<String, Double> seconds) {
  static final String LIBERTY = "Liberty";
  static final String POSTGRES = "PostgreSQL";
  static final String BROKER = "broker";
  static final String GENERATOR = "generator";
  static final List<String> HERALD = List.of(LIBERTY, POSTGRES, BROKER);

  /** µs of CPU per message of one process; NaN when it was not measured. */
  double micros(String process, long messages) {
    return messages == 0 ? Double.NaN : seconds.getOrDefault(process, Double.NaN) * 1e6 / messages;
  }

  /** µs per message summed over Liberty, PostgreSQL and the broker. */
  double heraldMicros(long messages) {
    return HERALD.stream().mapToDouble(p -> micros(p, messages)).sum();
  }

  /** Cores busy on average over the phase, all counted processes together. */
  double coresBusy() {
    return seconds.values().stream().filter(s -> !s.isNaN()).mapToDouble(s -> s).sum()
        / wallSeconds;
  }

  /** Cores busy by process on average, for a phase without messages (at rest). */
  String cores() {
    StringBuilder line = new StringBuilder();
    seconds.forEach(
        (process, used) ->
            line.append(line.length() == 0 ? "" : ", ")
                .append(process)
                .append(' ')
                .append(used.isNaN() ? "n/a" : String.format("%.3f", used / wallSeconds)));
    return line.append(" cores").toString();
  }

  /** One line: µs per message by process, Herald's sum, the generator and the cores in use. */
  String line(long messages) {
    return line(messages, "message");
  }

  /** The same per {@code unit} (a request, a row). */
  String line(long messages, String unit) {
    return String.format(
        "CPU µs/"
            + unit
            + ": Liberty %s, PostgreSQL %s, broker %s = Herald %s; generator %s; all %s;"
            + " %.2f cores busy",
        Figures.micros(micros(LIBERTY, messages)),
        Figures.micros(micros(POSTGRES, messages)),
        Figures.micros(micros(BROKER, messages)),
        Figures.micros(heraldMicros(messages)),
        Figures.micros(micros(GENERATOR, messages)),
        Figures.micros(heraldMicros(messages) + micros(GENERATOR, messages)),
        coresBusy());
  }
}
