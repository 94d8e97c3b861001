package dev.herald.storing.boundary;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.LogDatabase;
import dev.herald.testing.SignedRecords;
import dev.herald.testing.Users;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.kafka.KafkaProducerClient;

/**
 * Records produced straight to herald.messages, as another trusted producer (or a replay) would:
 * signed with Herald's key, so that what is tested here is the envelope. Public: MicroShed injects
 * the producer reflectively.
 */
@MicroShedTest
public class ConsumerIT {
  static final String TOPIC = "herald.messages";

  @KafkaProducerClient(
      keySerializer = StringSerializer.class,
      valueSerializer = ByteArraySerializer.class,
      properties = "acks=all")
  public static KafkaProducer<String, byte[]> producer;

  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");

  static byte[] envelope(
      UUID id, String conversation, String sender, String recipient, String body) {
    return Json.createObjectBuilder()
        .add("v", 1)
        .add("id", id.toString())
        .add("conversationId", conversation)
        .add("sender", sender)
        .add("to", Json.createArrayBuilder(List.of(recipient)))
        .add("body", body)
        .add("acceptedAt", Instant.now().toString())
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  void produce(String key, byte[] value) throws Exception {
    producer.send(SignedRecords.signed(TOPIC, key, value)).get();
  }

  static long stored(UUID id) {
    return LogDatabase.count("select count(*) from messages where id = ?", id);
  }

  @Test
  void storesARecordProducedTwiceOnlyOnce() throws Exception {
    UUID id = UUID.randomUUID();
    String conversation = Users.unique("dup");
    byte[] record = envelope(id, conversation, alice, bob, "said twice");

    produce(conversation, record);
    produce(conversation, record);
    UUID marker = UUID.randomUUID();
    produce(conversation, envelope(marker, conversation, alice, bob, "after the duplicates"));

    await().atMost(Duration.ofSeconds(20)).until(() -> stored(marker) == 1);
    assertThat(stored(id)).isEqualTo(1);
    assertThat(LogDatabase.count("select count(*) from deliveries where message_id = ?", id))
        .isEqualTo(1);
    assertThat(
            LogDatabase.count(
                "select count(*) from audit_events where message_id = ? and action = 'message.stored'",
                id))
        .isEqualTo(1);
    assertThat(as(bob).get("api/inbox").json().getJsonArray("items")).hasSize(2);
  }

  @Test
  void deadLettersARecordThatIsNotJsonAndKeepsConsuming() throws Exception {
    String conversation = Users.unique("poison");
    byte[] poison = ("not json at all " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    UUID next = UUID.randomUUID();

    produce(conversation, poison);
    produce(conversation, envelope(next, conversation, alice, bob, "the next good record"));

    await().atMost(Duration.ofSeconds(20)).until(() -> stored(next) == 1);
    List<List<Object>> rejected =
        LogDatabase.query(
            "select reason, record_key, kafka_topic from rejected_records where record_value = ?",
            (Object) poison);
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get(0)).isEqualTo("NOT_JSON");
    assertThat(new String((byte[]) rejected.get(0).get(1), StandardCharsets.UTF_8))
        .isEqualTo(conversation);
    assertThat(rejected.get(0).get(2)).isEqualTo(TOPIC);
  }

  @Test
  void deadLettersARecordThatBreaksTheRulesTheApiEnforces() throws Exception {
    String conversation = Users.unique("rules");
    UUID bad = UUID.randomUUID();
    UUID next = UUID.randomUUID();

    produce(conversation, envelope(bad, conversation, alice, "not a valid user!", "bad recipient"));
    produce(conversation, envelope(next, conversation, alice, bob, "fine"));

    await().atMost(Duration.ofSeconds(20)).until(() -> stored(next) == 1);
    assertThat(stored(bad)).isZero();
    assertThat(
            LogDatabase.count(
                "select count(*) from rejected_records where reason = 'INVALID_FIELDS' and convert_from(record_value, 'UTF8') like ?",
                "%" + bad + "%"))
        .isEqualTo(1);
  }
}
