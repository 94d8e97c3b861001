package dev.herald.messages.control;

import dev.herald.deadletters.control.RecordRejection;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.messages.entity.MessageEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes envelopes as JSON and reads them back from untrusted Kafka records, naming the reason when
 * a record can never be a message.
 */
@ApplicationScoped
public class EnvelopeCodec {
  /** Generous: a valid envelope with the longest body and most recipients stays well below. */
  static final int MAX_RECORD_BYTES = 1024 * 1024;

  private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  @Inject Validator validator;

  public String write(MessageEnvelope envelope) {
    return jsonb.toJson(envelope);
  }

  public MessageEnvelope read(byte[] value) {
    if (value == null || value.length == 0) {
      throw new RecordRejection(RejectReason.EMPTY, "The record has no value.");
    }
    if (value.length > MAX_RECORD_BYTES) {
      throw new RecordRejection(
          RejectReason.OVERSIZED, "The record has " + value.length + " bytes.");
    }
    String text = utf8(value);
    JsonValue json = parse(text);
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new RecordRejection(RejectReason.WRONG_SHAPE, "The record is JSON but not an object.");
    }
    MessageEnvelope envelope = bind(text);
    if (envelope.v() == null || envelope.v() != MessageEnvelope.VERSION) {
      throw new RecordRejection(
          RejectReason.UNKNOWN_VERSION, "Unknown envelope version " + envelope.v() + ".");
    }
    Set<ConstraintViolation<MessageEnvelope>> violations = validator.validate(envelope);
    if (!violations.isEmpty()) {
      throw new RecordRejection(RejectReason.INVALID_FIELDS, describe(violations));
    }
    return envelope;
  }

  private static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RecordRejection(RejectReason.NOT_UTF8, "The record value is not valid UTF-8.");
    }
  }

  private static JsonValue parse(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    } catch (JsonException e) {
      throw new RecordRejection(
          RejectReason.NOT_JSON, "The record value is not JSON: " + e.getMessage());
    }
  }

  private MessageEnvelope bind(String text) {
    try {
      return jsonb.fromJson(text, MessageEnvelope.class);
    } catch (JsonbException e) {
      throw new RecordRejection(
          RejectReason.WRONG_SHAPE,
          "The record does not have the envelope's shape: " + e.getMessage());
    }
  }

  private static String describe(Set<ConstraintViolation<MessageEnvelope>> violations) {
    return violations.stream()
        .map(v -> v.getPropertyPath() + " " + v.getMessage())
        .sorted(Comparator.naturalOrder())
        .collect(Collectors.joining("; "));
  }
}
