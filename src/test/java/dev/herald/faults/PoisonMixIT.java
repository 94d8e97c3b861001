package dev.herald.faults;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.Requests;
import dev.herald.testing.SignedRecords;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Bad records of every kind, produced straight to the topic among good ones: all good ones stored,
 * every bad one dead-lettered once, and the consumer keeps going. (Records over the codec's 1 MiB
 * limit are not among them: the broker's default message.max.bytes refuses them first.)
 */
class PoisonMixIT {
  static final int GOOD = Integer.getInteger("faults.poison.good", 2_000);
  static final int BAD = Integer.getInteger("faults.poison.bad", 200);

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String recipient = "psn-" + run + "-to";

  static final List<Function<JsonObjectBuilder, byte[]>> POISONS =
      List.of(
          e -> "not json at all".getBytes(StandardCharsets.UTF_8),
          e -> new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}'},
          e -> new byte[0],
          e -> "[1,2,3]".getBytes(StandardCharsets.UTF_8),
          e -> bytes(e.add("to", "one-recipient-not-a-list")),
          e -> bytes(e.remove("body")),
          e -> bytes(e.add("v", 2)),
          e -> bytes(e.add("body", "nul \u0000 byte")),
          e -> bytes(e.add("sender", "no spaces allowed")),
          e -> bytes(e.add("acceptedAt", "yesterday")),
          e -> bytes(e.add("to", Json.createArrayBuilder(Collections.nCopies(1_001, "someone")))),
          e -> "[".repeat(100_000).getBytes(StandardCharsets.UTF_8),
          e -> ("{\"v\":1" + ",\"n\":" + "9".repeat(2_000) + "}").getBytes(StandardCharsets.UTF_8));

  static byte[] bytes(JsonObjectBuilder envelope) {
    return envelope.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  JsonObjectBuilder envelope(int n) {
    return Json.createObjectBuilder()
        .add("v", 1)
        .add("id", UUID.randomUUID().toString())
        .add("conversationId", "psn-" + run + "-" + n % 50)
        .add("sender", "psn-" + run + "-" + n % 10)
        .add("to", Json.createArrayBuilder(List.of(recipient)))
        .add("body", "good " + n)
        .add("acceptedAt", Instant.now().toString());
  }

  List<ProducerRecord<String, byte[]>> records() {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (int n = 0; n < GOOD; n++) {
      records.add(record(n, bytes(envelope(n))));
    }
    for (int n = 0; n < BAD; n++) {
      records.add(record(n, POISONS.get(n % POISONS.size()).apply(envelope(n))));
    }
    Collections.shuffle(records, new Random(42));
    return records;
  }

  ProducerRecord<String, byte[]> record(int n, byte[] value) {
    // signed: the poison is in the envelope, not the signature (SignedBoundaryIT tests that)
    return SignedRecords.signed("herald.messages", "psn-" + run + "-" + n % 50, value);
  }

  @Test
  void storesEveryGoodRecordAndDeadLettersEveryBadOneWithoutStopping() {
    Properties config = new Properties();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        System.getProperty("org.microshed.kafka.bootstrap.servers"));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      records().forEach(producer::send);
      producer.flush();
    }

    await("good stored, bad dead-lettered")
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> stored() + deadLettered() >= GOOD + BAD);
    assertThat(stored()).as("good records stored").isEqualTo(GOOD);
    assertThat(deadLettered()).as("bad records dead-lettered").isEqualTo(BAD);
    String after = "after the poison " + run;
    as("psn-" + run + "-after").post("api/messages", Requests.send(List.of(recipient), after));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> LogDatabase.count("select count(*) from messages where body = ?", after) == 1);
    System.out.println(
        "poison mix: "
            + GOOD
            + " good stored, "
            + BAD
            + " bad dead-lettered by reason "
            + LogDatabase.query(
                "select reason, count(*) from rejected_records where record_key like ?"
                    + " group by reason order by reason",
                keyPattern()));
  }

  long stored() {
    return LogDatabase.count("select count(*) from deliveries where recipient = ?", recipient);
  }

  long deadLettered() {
    return LogDatabase.count(
        "select count(*) from rejected_records where record_key like ?", keyPattern());
  }

  /** bytea supports LIKE: every key of this run. */
  byte[] keyPattern() {
    return ("psn-" + run + "-%").getBytes(StandardCharsets.UTF_8);
  }
}
