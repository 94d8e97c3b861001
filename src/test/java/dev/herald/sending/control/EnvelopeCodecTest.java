package dev.herald.sending.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.deadletters.control.RecordRejection;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.platform.Constraints;
import dev.herald.sending.entity.MessageEnvelope;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {
  EnvelopeCodec codec;

  @BeforeEach
  void setUp() {
    codec = new EnvelopeCodec();
    codec.constraints = Constraints.from(Validation.buildDefaultValidatorFactory());
  }

  static MessageEnvelope envelope(String body) {
    return new MessageEnvelope(
        1,
        UUID.randomUUID(),
        "dm-0123",
        "alice",
        List.of("bob", "carol"),
        "Hello",
        body,
        Instant.parse("2026-11-22T10:15:30.123456Z"));
  }

  @Test
  void readsBackWhatItWrote() {
    MessageEnvelope original = envelope("안녕하세요, 세계! 👋🏽\nsecond line");
    String json = codec.write(original);
    assertThat(codec.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(original);
  }

  @Test
  void omitsAnAbsentSubject() {
    MessageEnvelope noSubject =
        new MessageEnvelope(
            1, UUID.randomUUID(), "c1", "alice", List.of("bob"), null, "hi", Instant.now());
    assertThat(codec.write(noSubject)).doesNotContain("subject");
    assertThat(codec.read(codec.write(noSubject).getBytes(StandardCharsets.UTF_8)).subject())
        .isNull();
  }

  @Test
  void rejectsAnEmptyRecord() {
    assertRejected(new byte[0], RejectReason.EMPTY);
    assertRejected(null, RejectReason.EMPTY);
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    assertRejected(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, RejectReason.NOT_UTF8);
  }

  @Test
  void rejectsTextThatIsNotJson() {
    assertRejected(bytes("hello, kafka"), RejectReason.NOT_JSON);
    assertRejected(bytes("{\"v\":1,"), RejectReason.NOT_JSON);
    assertRejected(bytes("{\"v\":1,\"v\":1}"), RejectReason.NOT_JSON);
    assertRejected(bytes("{\"v\":1} trailing"), RejectReason.NOT_JSON);
    assertRejected(bytes("[".repeat(100) + "]".repeat(100)), RejectReason.NOT_JSON);
  }

  @Test
  void rejectsJsonOfTheWrongShape() {
    assertRejected(bytes("[1,2,3]"), RejectReason.WRONG_SHAPE);
    assertRejected(bytes("{\"v\":1,\"to\":\"bob\"}"), RejectReason.WRONG_SHAPE);
    assertRejected(bytes("{\"v\":1,\"id\":\"not-a-uuid\"}"), RejectReason.WRONG_SHAPE);
    String numberBody = codec.write(envelope("hi")).replace("\"body\":\"hi\"", "\"body\":5");
    assertRejected(bytes(numberBody), RejectReason.WRONG_SHAPE);
    String extraField = codec.write(envelope("hi")).replace("{", "{\"admin\":true,");
    assertRejected(bytes(extraField), RejectReason.WRONG_SHAPE);
  }

  @Test
  void rejectsAnUnknownVersion() {
    String json = codec.write(envelope("hi")).replace("\"v\":1", "\"v\":2");
    assertRejected(bytes(json), RejectReason.UNKNOWN_VERSION);
    assertRejected(bytes("{}"), RejectReason.UNKNOWN_VERSION);
  }

  @Test
  void rejectsFieldsTheApiWouldHaveRefused() {
    assertRejected(bytes(codec.write(envelope("nul \u0000 inside"))), RejectReason.INVALID_FIELDS);
    assertRejected(bytes(codec.write(envelope("x".repeat(16_385)))), RejectReason.INVALID_FIELDS);
    String noSender = codec.write(envelope("hi")).replace("\"sender\":\"alice\",", "");
    assertRejected(bytes(noSender), RejectReason.INVALID_FIELDS);
  }

  @Test
  void rejectsAnOversizedRecordBeforeParsingIt() {
    assertRejected(new byte[EnvelopeCodec.MAX_RECORD_BYTES + 1], RejectReason.OVERSIZED);
  }

  private void assertRejected(byte[] value, RejectReason reason) {
    assertThatThrownBy(() -> codec.read(value))
        .isInstanceOf(RecordRejection.class)
        .satisfies(e -> assertThat(((RecordRejection) e).reason()).isEqualTo(reason));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
