package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Every figure of the run beside its target (issues 13 and 14), as one table at the end and in
 * target/benchmark.md. Figures measured in every round show their median with min and max.
 */
final class Summary {
  /** One line of the table; {@code met} is null where there is no target. */
  record Row(String figure, String measured, String target, Boolean met) {}

  private final Map<String, List<Double>> rounds = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();

  /** One round's value of a figure measured in every round. */
  void record(String key, double value) {
    rounds.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  Spread spread(String key) {
    return Spread.of(rounds.getOrDefault(key, List.of()));
  }

  /** A row for a figure of every round: its spread against "at most" or "at least" a target. */
  void ranged(String figure, String key, DoubleFunction<String> format, Target target) {
    Spread spread = spread(key);
    rows.add(
        new Row(
            figure,
            spread.format(format),
            target == null ? "—" : target.text(),
            target == null ? null : target.met(spread.median())));
  }

  /** A row measured once. */
  void row(String figure, String measured, String target, Boolean met) {
    rows.add(new Row(figure, measured, target, met));
  }

  List<Row> rows() {
    return rows;
  }

  /** A target: at most or at least {@code limit}, written as {@code text}. */
  record Target(boolean atMost, double limit, String text) {
    static Target atMost(double limit, String text) {
      return new Target(true, limit, text);
    }

    static Target atLeast(double limit, String text) {
      return new Target(false, limit, text);
    }

    Boolean met(double value) {
      return Double.isNaN(value) ? null : atMost ? value <= limit : value >= limit;
    }
  }

  /** The table in Markdown, which reads as plain text too. */
  String table() {
    int width = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
    int measured = rows.stream().mapToInt(r -> r.measured().length()).max().orElse(10);
    StringBuilder table = new StringBuilder();
    String format = "| %-" + width + "s | %-" + measured + "s | %-22s | %-6s |%n";
    table.append(String.format(format, "figure", "measured", "target", "met"));
    table.append(
        String.format(
            "|%s|%s|%s|%s|%n",
            "-".repeat(width + 2), "-".repeat(measured + 2), "-".repeat(24), "-".repeat(8)));
    for (Row row : rows) {
      String met = row.met() == null ? "" : row.met() ? "yes" : "**no**";
      table.append(String.format(format, row.figure(), row.measured(), row.target(), met));
    }
    return table.toString();
  }

  void write(Path file, String heading) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "# " + heading + "\n\n" + table());
  }
}
