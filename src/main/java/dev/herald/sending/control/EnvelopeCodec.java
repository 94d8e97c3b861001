package dev.herald.sending.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.deadletters.control.RecordRejection;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.platform.Constraints;
import dev.herald.platform.JsonMapping;
import dev.herald.platform.Utf8;
import dev.herald.sending.entity.MessageEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes envelopes as JSON and reads them back from untrusted Kafka records, naming the reason when
 * a record can never be a message. The version is checked before the shape, so that a newer
 * producer's records are reported as such.
 */
@ApplicationScoped
public class EnvelopeCodec {
  /** Generous: a valid envelope with the longest body and most recipients stays well below. */
  static final int MAX_RECORD_BYTES = 1024 * 1024;

  private final ObjectMapper json = JsonMapping.strict();

  @Inject Constraints constraints;

  /** A codec outside CDI (unit tests of the consumer side). */
  public static EnvelopeCodec with(Constraints constraints) {
    EnvelopeCodec codec = new EnvelopeCodec();
    codec.constraints = constraints;
    return codec;
  }

  public String write(MessageEnvelope envelope) {
    try {
      return json.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an envelope is always writable", e);
    }
  }

  public MessageEnvelope read(byte[] value) {
    if (value == null || value.length == 0) {
      throw new RecordRejection(RejectReason.EMPTY, "The record has no value.");
    }
    if (value.length > MAX_RECORD_BYTES) {
      throw new RecordRejection(
          RejectReason.OVERSIZED, "The record has " + value.length + " bytes.");
    }
    JsonNode tree = parse(utf8(value));
    if (!tree.isObject()) {
      throw new RecordRejection(RejectReason.WRONG_SHAPE, "The record is JSON but not an object.");
    }
    JsonNode version = tree.get("v");
    if (version == null || !version.isInt() || version.intValue() != MessageEnvelope.VERSION) {
      throw new RecordRejection(
          RejectReason.UNKNOWN_VERSION, "Unknown envelope version " + version + ".");
    }
    MessageEnvelope envelope = bind(tree);
    Set<ConstraintViolation<MessageEnvelope>> violations = constraints.violations(envelope);
    if (!violations.isEmpty()) {
      throw new RecordRejection(RejectReason.INVALID_FIELDS, describe(violations));
    }
    return envelope;
  }

  private static String utf8(byte[] value) {
    return Utf8.decode(value)
        .orElseThrow(
            () ->
                new RecordRejection(RejectReason.NOT_UTF8, "The record value is not valid UTF-8."));
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RecordRejection(
          RejectReason.NOT_JSON, "The record value is not JSON: " + e.getOriginalMessage());
    }
  }

  private MessageEnvelope bind(JsonNode tree) {
    try {
      return json.treeToValue(tree, MessageEnvelope.class);
    } catch (JsonProcessingException e) {
      throw new RecordRejection(
          RejectReason.WRONG_SHAPE,
          "The record does not have the envelope's shape: " + e.getOriginalMessage());
    }
  }

  private static String describe(Set<ConstraintViolation<MessageEnvelope>> violations) {
    return violations.stream()
        .map(v -> v.getPropertyPath() + " " + v.getMessage())
        .sorted(Comparator.naturalOrder())
        .collect(Collectors.joining("; "));
  }
}
