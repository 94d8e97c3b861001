package dev.herald.sending.control;

import static dev.herald.testing.Fuzz.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.deadletters.control.RecordRejection;
import dev.herald.platform.Constraints;
import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.testing.Fuzz;
import jakarta.validation.Validation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever bytes arrive on herald.messages, the codec reads a valid envelope or names a reason to
 * dead-letter the record; nothing else may escape, or the consumer would retry a record forever.
 */
class EnvelopeCodecFuzzTest {
  private static final Constraints CONSTRAINTS =
      Constraints.from(Validation.buildDefaultValidatorFactory());

  private final EnvelopeCodec codec = new EnvelopeCodec();

  EnvelopeCodecFuzzTest() {
    codec.constraints = CONSTRAINTS;
  }

  @Property(tries = 1000)
  void readsAnyRecordAsAValidEnvelopeOrRejectsIt(@ForAll("records") byte[] value) throws Exception {
    MessageEnvelope envelope;
    try {
      envelope = within(() -> codec.read(value));
    } catch (RecordRejection rejection) {
      assertThat(rejection.reason()).isNotNull();
      assertThat(rejection.getMessage()).isNotBlank();
      return;
    }
    assertThat(envelope.v()).isEqualTo(MessageEnvelope.VERSION);
    assertThat(CONSTRAINTS.violations(envelope)).isEmpty();
  }

  @Provide
  Arbitrary<byte[]> records() {
    return Fuzz.bytesAround(envelopes());
  }

  /** Envelopes as a producer writes them, then with any field missing or of any value. */
  private Arbitrary<String> envelopes() {
    Arbitrary<String> names = Fuzz.userNames();
    Arbitrary<String> text = Fuzz.text(40);
    return Fuzz.objectsWith(
        Tuple.of("v", Arbitraries.just("1")),
        Tuple.of("id", Arbitraries.create(UUID::randomUUID).map(id -> Fuzz.quoted(id.toString()))),
        Tuple.of("conversationId", Fuzz.conversationIds().map(Fuzz::quoted)),
        Tuple.of("sender", names.map(Fuzz::quoted)),
        Tuple.of(
            "to", names.map(Fuzz::quoted).list().ofMinSize(1).ofMaxSize(3).map(List::toString)),
        Tuple.of("subject", text.map(Fuzz::quoted)),
        Tuple.of("body", text.map(Fuzz::quoted)),
        Tuple.of(
            "acceptedAt",
            Arbitraries.longs()
                .between(0, 4_102_444_800L)
                .map(s -> Fuzz.quoted(Instant.ofEpochSecond(s).toString()))));
  }
}
