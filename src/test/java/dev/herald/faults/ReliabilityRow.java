package dev.herald.faults;

import dev.herald.faults.FaultLoad.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** One line of the reliability table: what clients were told, and what the log holds. */
public final class ReliabilityRow {
  static final String HEADER = header("repair");

  /** The table's head; the last column measures from the repair, or from the fault itself. */
  public static String header(String since) {
    return "| fault | times | sends | 202 | lost | duplicated | missing deliveries | 503"
        + " | other 4xx/5xx | refused but stored | no answer (stored) | order violations"
        + " | alerts sent twice | first 202 after "
        + since
        + " |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
  }

  final String fault;
  final int repeats;
  int sends;
  int accepted;
  int lost;
  int duplicated;
  int incomplete;
  int unavailable;
  final Map<Integer, Integer> otherRefusals = new TreeMap<>();
  int refusedButStored;
  int unanswered;
  int unansweredStored;
  int orderViolations;

  /** Alerts sent, and how many of them more than once (-1: no alerts were counted). */
  long alertsSent = -1;

  long alertsSentTwice;
  double recoverySeconds;

  ReliabilityRow(String fault, int repeats) {
    this.fault = fault;
    this.repeats = repeats;
  }

  /** One send: its status (0 = no answer) and how often its body was stored. */
  void count(int status, long stored, boolean allDeliveries) {
    sends++;
    duplicated += stored > 1 ? 1 : 0;
    incomplete += stored > 0 && !allDeliveries ? 1 : 0;
    if (status == 202) {
      accepted++;
      lost += stored == 0 ? 1 : 0;
    } else if (status == 0 || status == 504) {
      // no answer, or the server could not tell: at most once is the promise
      unanswered++;
      unansweredStored += stored > 0 ? 1 : 0;
    } else {
      unavailable += status == 503 ? 1 : 0;
      if (status != 503) {
        otherRefusals.merge(status, 1, Integer::sum);
      }
      refusedButStored += stored > 0 ? 1 : 0;
    }
  }

  public int lost() {
    return lost;
  }

  public int duplicated() {
    return duplicated;
  }

  public int incomplete() {
    return incomplete;
  }

  public int refusedButStored() {
    return refusedButStored;
  }

  public int orderViolations() {
    return orderViolations;
  }

  public int accepted() {
    return accepted;
  }

  public double recoverySeconds() {
    return recoverySeconds;
  }

  public void alerts(long sent, long sentTwice) {
    alertsSent = sent;
    alertsSentTwice = sentTwice;
  }

  /** The longest wait, over all repairs, from starting a repair to the next 202 (∞: none). */
  void recovery(List<Outcome> outcomes, List<Long> repairs) {
    for (long repair : repairs) {
      long next =
          outcomes.stream()
              .filter(o -> o.status() == 202 && o.answeredAtMillis() >= repair)
              .mapToLong(Outcome::answeredAtMillis)
              .min()
              .orElse(Long.MAX_VALUE);
      recoverySeconds =
          next == Long.MAX_VALUE
              ? Double.POSITIVE_INFINITY
              : Math.max(recoverySeconds, (next - repair) / 1000.0);
    }
  }

  /**
   * Writes the settings line, the table of {@code rows} and where it went to {@code report} and
   * stdout; nothing when no row was measured.
   */
  public static void write(Path report, String settings, String since, List<ReliabilityRow> rows)
      throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    String table =
        settings
            + "\n\n"
            + header(since)
            + "\n"
            + String.join("\n", rows.stream().map(ReliabilityRow::markdown).toList())
            + "\n";
    Files.writeString(report, table);
    System.out.println("\n" + table + "(written to " + report.toAbsolutePath() + ")");
  }

  /** How many other refusals, by status: "0", or "12 (401: 2, 404: 10)". */
  private String others() {
    int all = otherRefusals.values().stream().mapToInt(Integer::intValue).sum();
    if (all == 0) {
      return "0";
    }
    StringJoiner statuses = new StringJoiner(", ", " (", ")");
    otherRefusals.forEach((status, count) -> statuses.add(status + ": " + count));
    return all + statuses.toString();
  }

  public String markdown() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %d | %s | %d | %d (%d) | %d | %s | %.1f s |",
        fault,
        repeats,
        sends,
        accepted,
        lost,
        duplicated,
        incomplete,
        unavailable,
        others(),
        refusedButStored,
        unanswered,
        unansweredStored,
        orderViolations,
        alertsSent < 0 ? "–" : alertsSentTwice + " of " + alertsSent,
        recoverySeconds);
  }
}
