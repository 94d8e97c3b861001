package dev.herald.deadletters.boundary;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.SignedRecords;
import dev.herald.testing.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.kafka.KafkaProducerClient;

/** The admin API over dead letters. Public: MicroShed injects the producer reflectively. */
@MicroShedTest
public class DeadLettersIT {
  @KafkaProducerClient(
      keySerializer = StringSerializer.class,
      valueSerializer = ByteArraySerializer.class,
      properties = "acks=all")
  public static KafkaProducer<String, byte[]> producer;

  final Herald.Client admin =
      Herald.withToken(
          Herald.token(
              Json.createObjectBuilder()
                  .add("user", Users.unique("admin"))
                  .add("groups", Json.createArrayBuilder(List.of("herald-admin")))
                  .build()));

  /** A dead letter whose cause has since been fixed: a valid envelope, refused back then. */
  static long fixedDeadLetter(UUID id, String sender, String recipient) {
    byte[] envelope =
        Json.createObjectBuilder()
            .add("v", 1)
            .add("id", id.toString())
            .add("conversationId", "redrive-" + id)
            .add("sender", sender)
            .add("to", Json.createArrayBuilder(List.of(recipient)))
            .add("body", "back from the dead")
            .add("acceptedAt", Instant.now().toString())
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    List<List<Object>> row =
        LogDatabase.query(
            "insert into rejected_records (kafka_topic, kafka_partition, kafka_offset,"
                + " record_value, reason, error) values ('herald.messages', 0, ?, ?,"
                + " 'UNSTORABLE', 'fixture') returning id",
            -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
            envelope);
    return ((Number) row.get(0).get(0)).longValue();
  }

  @Test
  void listsARejectedRecordWithItsReasonForAdminsOnly() throws Exception {
    String marker = "not json " + UUID.randomUUID();
    producer.send(SignedRecords.signed("herald.messages", marker, marker.getBytes())).get();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .get("api/admin/dead-letters?reason=NOT_JSON&status=open&limit=100")
                            .json()
                            .getJsonArray("items")
                            .getValuesAs(JsonObject.class))
                    .extracting(d -> d.getString("valuePreview"))
                    .contains(marker));
    Reply refused = as(Users.unique("mallory")).get("api/admin/dead-letters");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("type")).isEqualTo("urn:herald:problem:forbidden");
  }

  @Test
  void redrivesAFixedRecordIntoTheLogOnceAndAuditsIt() {
    UUID id = UUID.randomUUID();
    String bob = Users.unique("bob");
    long deadLetter = fixedDeadLetter(id, Users.unique("alice"), bob);

    Reply redriven = admin.post("api/admin/dead-letters/" + deadLetter + "/redrive");
    Reply again = admin.post("api/admin/dead-letters/" + deadLetter + "/redrive");

    assertThat(redriven.status()).isEqualTo(200);
    assertThat(redriven.json().getString("outcome")).isEqualTo("redriven");
    assertThat(again.status()).isEqualTo(409);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> as(bob).get("api/messages/" + id).status() == 200);
    assertThat(admin.get("api/admin/dead-letters/" + deadLetter).json().getString("status"))
        .isEqualTo("redriven");
    assertThat(
            LogDatabase.count(
                "select count(*) from audit_events where action = 'record.redriven'"
                    + " and (details->>'deadLetter')::bigint = ?",
                deadLetter))
        .isEqualTo(1);
  }

  @Test
  void reportsEachRecordOfABulkRedrive() {
    long open = fixedDeadLetter(UUID.randomUUID(), Users.unique("a"), Users.unique("b"));

    Reply reply =
        admin.post(
            "api/admin/dead-letters/redrive", "{\"ids\":[" + open + ", 9223372036854775807]}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getJsonArray("results").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("outcome"))
        .containsExactly("redriven", "not-found");
  }

  @Test
  void discardsWithAReasonAndThenRefusesToRedrive() {
    long deadLetter = fixedDeadLetter(UUID.randomUUID(), Users.unique("a"), Users.unique("b"));

    Reply blank =
        admin.post("api/admin/dead-letters/" + deadLetter + "/discard", "{\"reason\":\" \"}");
    Reply discarded =
        admin.post(
            "api/admin/dead-letters/" + deadLetter + "/discard", "{\"reason\":\"test data\"}");
    Reply redrive = admin.post("api/admin/dead-letters/" + deadLetter + "/redrive");

    assertThat(blank.status()).isEqualTo(400);
    assertThat(discarded.status()).isEqualTo(200);
    assertThat(discarded.json().getString("status")).isEqualTo("discarded");
    assertThat(discarded.json().getString("resolution")).isEqualTo("test data");
    assertThat(redrive.status()).isEqualTo(409);
    assertThat(
            LogDatabase.count(
                "select count(*) from audit_events where action = 'record.discarded'"
                    + " and (details->>'deadLetter')::bigint = ?",
                deadLetter))
        .isEqualTo(1);
  }

  @Test
  void answersUnknownDeadLettersWith404() {
    assertThat(admin.get("api/admin/dead-letters/9223372036854775807").status()).isEqualTo(404);
    assertThat(admin.get("api/admin/dead-letters/abc").status()).isEqualTo(404);
    assertThat(admin.get("api/admin/dead-letters?reason=BOGUS").status()).isEqualTo(400);
  }
}
