package dev.herald.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.faults.FaultLoad.Outcome;
import dev.herald.faults.Oracle.Stored;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationOrderTest {
  static Outcome accepted(String body, long sentAt, long answeredAt) {
    return new Outcome(body, 202, sentAt, answeredAt, 2);
  }

  static Stored at(long seq, String conversation) {
    return new Stored(1, 2, seq, conversation);
  }

  @Test
  void aSendMadeAfterAnotherWasAcceptedMustComeLaterInTheLog() {
    List<Outcome> sends = List.of(accepted("a", 0, 10), accepted("b", 20, 30));

    assertThat(ConversationOrder.violations(sends, Map.of("a", at(2, "c"), "b", at(1, "c"))))
        .isOne();
    assertThat(ConversationOrder.violations(sends, Map.of("a", at(1, "c"), "b", at(2, "c"))))
        .isZero();
  }

  @Test
  void overlappingSendsHaveNoOrderToKeep() {
    List<Outcome> sends = List.of(accepted("a", 0, 30), accepted("b", 20, 25));

    assertThat(ConversationOrder.violations(sends, Map.of("a", at(2, "c"), "b", at(1, "c"))))
        .isZero();
  }

  @Test
  void sendsOfOtherConversationsAreNotCompared() {
    List<Outcome> sends = List.of(accepted("a", 0, 10), accepted("b", 20, 30));

    assertThat(ConversationOrder.violations(sends, Map.of("a", at(2, "c"), "b", at(1, "d"))))
        .isZero();
  }

  @Test
  void refusedSendsAreNotCompared() {
    List<Outcome> sends = List.of(accepted("a", 0, 10), new Outcome("b", 503, 20, 30, 2));

    assertThat(ConversationOrder.violations(sends, Map.of("a", at(2, "c"), "b", at(1, "c"))))
        .isZero();
  }
}
