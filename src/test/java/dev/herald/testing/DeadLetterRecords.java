package dev.herald.testing;

import static org.awaitility.Awaitility.await;

import dev.herald.signing.control.RecordSignature;
import dev.herald.signing.control.SignatureHeaders;
import dev.herald.signing.entity.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Real dead letters for the admin API: records that are not JSON, produced straight to
 * herald.messages, and their ids once the consumer has rejected them. The broker is the one named
 * by MicroShed's system property org.microshed.kafka.bootstrap.servers.
 */
public final class DeadLetterRecords {
  static final String TOPIC = "herald.messages";

  private DeadLetterRecords() {}

  /** Produces {@code count} poison records and answers their dead letter ids, in that order. */
  public static List<Long> create(int count) {
    List<byte[]> values = new ArrayList<>();
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            System.getProperty("org.microshed.kafka.bootstrap.servers"),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (var producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        String poison = "not json: dead letter fixture " + UUID.randomUUID();
        byte[] value = poison.getBytes(StandardCharsets.UTF_8);
        producer.send(signed(value)).get();
        values.add(value);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Kafka did not take the poison record", e);
    }
    List<Long> ids = new ArrayList<>();
    for (byte[] value : values) {
      ids.add(
          await("dead letter for " + new String(value, StandardCharsets.UTF_8))
              .atMost(Duration.ofSeconds(30))
              .until(() -> idOf(value), id -> id != null));
    }
    return ids;
  }

  /** Signed like Herald's own records, so they are refused for what they hold: not JSON. */
  private static ProducerRecord<byte[], byte[]> signed(byte[] value) {
    SigningKey key = SignedRecords.CURRENT;
    return new ProducerRecord<>(
        TOPIC,
        null,
        value,
        value,
        SignatureHeaders.of(key.id(), RecordSignature.of(key, value, value)));
  }

  public static long create() {
    return create(1).get(0);
  }

  private static Long idOf(byte[] value) {
    List<List<Object>> rows =
        LogDatabase.query("select id from rejected_records where record_value = ?", (Object) value);
    return rows.isEmpty() ? null : ((Number) rows.get(0).get(0)).longValue();
  }
}
