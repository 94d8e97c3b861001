package dev.herald.messages.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationIdsTest {

  @Test
  void bothDirectionsOfADirectConversationShareOneId() {
    assertThat(ConversationIds.direct("alice", List.of("bob")))
        .isEqualTo(ConversationIds.direct("bob", List.of("alice")))
        .startsWith("dm-")
        .matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
  }

  @Test
  void differentParticipantsGetDifferentIds() {
    assertThat(ConversationIds.direct("alice", List.of("bob")))
        .isNotEqualTo(ConversationIds.direct("alice", List.of("carol")))
        .isNotEqualTo(ConversationIds.direct("alice", List.of("bob", "carol")));
  }

  @Test
  void participantNamesCannotBeConcatenatedIntoACollision() {
    assertThat(ConversationIds.direct("ab", List.of("c")))
        .isNotEqualTo(ConversationIds.direct("a", List.of("bc")));
  }

  @Test
  void keepsANamedConversation() {
    assertThat(ConversationIds.resolve("project-x", "alice", List.of("bob")))
        .isEqualTo("project-x");
  }

  @Test
  void derivesTheDirectConversationWhenNoneIsNamed() {
    assertThat(ConversationIds.resolve(null, "alice", List.of("bob")))
        .isEqualTo(ConversationIds.direct("alice", List.of("bob")));
  }

  @Test
  void refusesSomeoneElsesDirectConversationId() {
    String aliceAndBob = ConversationIds.direct("alice", List.of("bob"));
    assertThatThrownBy(() -> ConversationIds.resolve(aliceAndBob, "mallory", List.of("alice")))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(422));
  }

  @Test
  void makesGroupIdsInTheReservedGroupSpace() {
    String group = ConversationIds.newGroup();
    assertThat(group).matches("g-[0-9a-f-]{36}").matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    assertThat(ConversationIds.isGroup(group)).isTrue();
    assertThat(ConversationIds.requireGroupShape(group)).isEqualTo(group);
    assertThat(ConversationIds.newGroup()).isNotEqualTo(group);
  }

  @Test
  void refusesGroupIdsNoGroupCouldHave() {
    for (String id :
        List.of("g-", "g-mine", "g-" + "0".repeat(36), "g-ABCDEF00-0000-0000-0000-000000000000")) {
      assertThatThrownBy(() -> ConversationIds.requireGroupShape(id))
          .isInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(422));
    }
  }

  @Test
  void leavesOtherIdsToThreads() {
    assertThat(ConversationIds.isGroup("group-chat")).isFalse();
    assertThat(ConversationIds.isGroup(null)).isFalse();
  }
}
