package dev.herald.faults;

import dev.herald.faults.FaultLoad.Outcome;
import dev.herald.faults.Oracle.Stored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Per-conversation order: a send accepted (202) before another send of the same conversation was
 * made must come first in the log. Sends that overlapped in time have no order to keep.
 */
final class ConversationOrder {
  private ConversationOrder() {}

  /** Later sends stored before a send whose 202 they came after, over all conversations. */
  static int violations(List<Outcome> outcomes, Map<String, Stored> stored) {
    record Placed(Outcome outcome, long seq) {}
    Map<String, List<Placed>> byConversation =
        outcomes.stream()
            .filter(o -> o.status() == 202 && stored.containsKey(o.body()))
            .map(o -> new Placed(o, stored.get(o.body()).seq()))
            .collect(
                Collectors.groupingBy(
                    p -> stored.get(p.outcome().body()).conversation(), Collectors.toList()));
    int violations = 0;
    for (List<Placed> sends : byConversation.values()) {
      List<Placed> byAnswer = new ArrayList<>(sends);
      byAnswer.sort(Comparator.comparingLong(p -> p.outcome().answeredAtMillis()));
      List<Placed> bySending = new ArrayList<>(sends);
      bySending.sort(Comparator.comparingLong(p -> p.outcome().sentAtMillis()));
      // sweep: the highest position among sends answered before this one was sent
      long highestAnswered = Long.MIN_VALUE;
      int answered = 0;
      for (Placed later : bySending) {
        while (answered < byAnswer.size()
            && byAnswer.get(answered).outcome().answeredAtMillis()
                < later.outcome().sentAtMillis()) {
          highestAnswered = Math.max(highestAnswered, byAnswer.get(answered++).seq());
        }
        violations += later.seq() < highestAnswered ? 1 : 0;
      }
    }
    return violations;
  }
}
