package dev.herald.sending.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.messages.control.ConversationIds;
import dev.herald.platform.ProblemException;
import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.sending.entity.SendRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
  static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
  Envelopes envelopes;

  @BeforeEach
  void setUp() {
    envelopes = new Envelopes();
    envelopes.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    envelopes.maxRecipients = 3;
    envelopes.groupRecipients =
        new GroupRecipients() {
          @Override
          public List<String> of(String group, String sender, List<String> to) {
            return List.of("bob", "carol", "dave", "erin");
          }
        };
  }

  @Test
  void sendsToAGroupsMembersWhateverTheRecipientLimit() {
    String group = ConversationIds.newGroup();
    MessageEnvelope e = envelopes.accept("alice", new SendRequest(null, "hi", null, group));
    assertThat(e.conversationId()).isEqualTo(group);
    assertThat(e.to()).containsExactly("bob", "carol", "dave", "erin");
  }

  @Test
  void refusesAnIdInTheGroupSpaceThatNoGroupHas() {
    assertThatThrownBy(() -> envelopes.accept("alice", new SendRequest(null, "hi", null, "g-mine")))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(422));
  }

  @Test
  void takesTheSenderFromTheCallerAndTheTimeFromTheClock() {
    MessageEnvelope e = envelopes.accept("alice", new SendRequest(List.of("bob"), "hi", "s", null));
    assertThat(e.sender()).isEqualTo("alice");
    assertThat(e.acceptedAt()).isEqualTo(NOW);
    assertThat(e.v()).isEqualTo(MessageEnvelope.VERSION);
    assertThat(e.conversationId()).isEqualTo(ConversationIds.direct("alice", List.of("bob")));
  }

  @Test
  void givesEverySendANewTimeOrderedId() {
    SendRequest request = new SendRequest(List.of("bob"), "hi", null, null);
    var first = envelopes.accept("alice", request).id();
    var second = envelopes.accept("alice", request).id();
    assertThat(first).isNotEqualTo(second);
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.toString()).isLessThan(second.toString());
  }

  @Test
  void deliversOnceToARecipientNamedTwice() {
    MessageEnvelope e =
        envelopes.accept(
            "alice", new SendRequest(List.of("bob", "carol", "bob"), "hi", null, null));
    assertThat(e.to()).containsExactly("bob", "carol");
  }

  @Test
  void refusesMoreDistinctRecipientsThanConfigured() {
    List<String> four = IntStream.range(0, 4).mapToObj(i -> "user" + i).toList();
    assertThatThrownBy(() -> envelopes.accept("alice", new SendRequest(four, "hi", null, null)))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                assertThat(((ProblemException) e).problem().errors())
                    .extracting("field")
                    .containsExactly("to"));
  }
}
