package dev.herald.faults;

import dev.herald.faults.FaultLoad.Outcome;
import java.util.List;
import java.util.Locale;

/** One line of the reliability table: what clients were told, and what the log holds. */
final class ReliabilityRow {
  static final String HEADER =
      "| fault | times | sends | 202 | lost | duplicated | missing deliveries | 503 | other 4xx/5xx"
          + " | refused but stored | no answer (stored) | first 202 after repair |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|---|";

  final String fault;
  final int repeats;
  int sends;
  int accepted;
  int lost;
  int duplicated;
  int incomplete;
  int unavailable;
  int otherRefusals;
  int refusedButStored;
  int unanswered;
  int unansweredStored;
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
      otherRefusals += status == 503 ? 0 : 1;
      refusedButStored += stored > 0 ? 1 : 0;
    }
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

  String markdown() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d (%d) | %.1f s |",
        fault,
        repeats,
        sends,
        accepted,
        lost,
        duplicated,
        incomplete,
        unavailable,
        otherRefusals,
        refusedButStored,
        unanswered,
        unansweredStored,
        recoverySeconds);
  }
}
