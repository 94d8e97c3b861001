package dev.herald.testing;

import dev.herald.signing.control.RecordSignature;
import dev.herald.signing.control.SignatureHeaders;
import dev.herald.signing.entity.SigningKey;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records for herald.messages signed as Herald signs them, with the keys the build gave the server
 * (system properties herald.it.signing.*): the current one, the previous one (still accepted) and a
 * retired one (no longer accepted). Tests that play another trusted producer sign; tests that play
 * an attacker don't, or sign wrongly.
 */
public final class SignedRecords {
  public static final SigningKey CURRENT =
      key("herald.it.signing.key-id", "herald.it.signing.secret");
  public static final SigningKey PREVIOUS =
      key("herald.it.signing.previous-key-id", "herald.it.signing.previous-secret");
  public static final SigningKey RETIRED =
      new SigningKey("dev-0", secret("herald.it.signing.retired-secret"));

  private SignedRecords() {}

  public static ProducerRecord<String, byte[]> signed(String topic, String key, byte[] value) {
    return signed(CURRENT, topic, key, value);
  }

  public static ProducerRecord<String, byte[]> signed(
      SigningKey with, String topic, String key, byte[] value) {
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(
        topic,
        null,
        key,
        value,
        SignatureHeaders.of(with.id(), RecordSignature.of(with, keyBytes, value)));
  }

  private static SigningKey key(String idProperty, String secretProperty) {
    return new SigningKey(System.getProperty(idProperty), secret(secretProperty));
  }

  private static byte[] secret(String property) {
    return System.getProperty(property, "").getBytes(StandardCharsets.UTF_8);
  }
}
