package dev.herald.signing;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.signing.control.SignatureHeaders;
import dev.herald.signing.entity.SigningKey;
import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.SignedRecords;
import dev.herald.testing.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trust boundary on herald.messages, from outside: records written straight to the topic by a
 * client with write access (a plain KafkaProducer, as another producer would) impersonating "ceo",
 * back-dated to 2020, in a dm- conversation that is not theirs. Only what Herald signed is stored.
 */
class SignedBoundaryIT {
  static final String TOPIC = "herald.messages";
  static final String FOREIGN_DM = "dm-0123456789abcdef0123456789abcdef";
  static final SigningKey STRANGER =
      new SigningKey(
          SignedRecords.CURRENT.id(),
          "a secret Herald never had, also 32 bytes".getBytes(StandardCharsets.UTF_8));

  static KafkaProducer<String, byte[]> producer;

  final String bob = Users.unique("bob");
  final Herald.Client admin = Herald.withRoles(Users.unique("admin"), "herald-admin");

  @BeforeAll
  static void connect() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("org.microshed.kafka.bootstrap.servers"),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void close() {
    producer.close();
  }

  /** The impersonation the issue reports: sender "ceo", 2020, someone else's dm- conversation. */
  static byte[] impersonation(UUID id, String recipient) {
    return envelope(
        id, FOREIGN_DM, "ceo", recipient, "wire the money today " + id, "2020-01-01T09:00:00Z");
  }

  /** How a hostile record is made from the key and value it claims. */
  interface Forgery extends Function<byte[], ProducerRecord<String, byte[]>> {}

  static Stream<Arguments> hostileRecords() {
    String key = FOREIGN_DM;
    return Stream.of(
        Arguments.of("unsigned", (Forgery) v -> new ProducerRecord<>(TOPIC, key, v), "UNSIGNED"),
        Arguments.of(
            "forged: Herald's key id, a secret guessed",
            (Forgery) v -> SignedRecords.signed(STRANGER, TOPIC, key, v),
            "BAD_SIGNATURE"),
        Arguments.of(
            "signed with a retired key",
            (Forgery) v -> SignedRecords.signed(SignedRecords.RETIRED, TOPIC, key, v),
            "BAD_SIGNATURE"),
        Arguments.of(
            "value changed after signing",
            (Forgery) v -> reValued(SignedRecords.signed(TOPIC, key, bland(v)), v),
            "BAD_SIGNATURE"),
        Arguments.of(
            "key changed after signing",
            (Forgery) v -> reKeyed(SignedRecords.signed(TOPIC, "dm-other", v), key),
            "BAD_SIGNATURE"),
        Arguments.of(
            "signature header of another record",
            (Forgery) v -> withSignatureOf(SignedRecords.signed(TOPIC, key, bland(v)), key, v),
            "BAD_SIGNATURE"),
        Arguments.of(
            "correctly signed with a leaked key, but not the participants' dm- conversation",
            (Forgery) v -> SignedRecords.signed(TOPIC, key, v),
            "WRONG_CONVERSATION"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRecords")
  void deadLettersAHostileRecordAndShowsNothingOfIt(String what, Forgery forge, String reason)
      throws Exception {
    UUID id = UUID.randomUUID();
    byte[] value = impersonation(id, bob);

    producer.send(forge.apply(value)).get();

    assertThat(awaitDeadLetterReason(value)).isEqualTo(reason);
    assertThat(LogDatabase.count("select count(*) from messages where id = ?", id)).isZero();
    assertThat(as(bob).get("api/inbox").json().getJsonArray("items")).isEmpty();
    assertThat(as(bob).get("api/messages/" + id).status()).isEqualTo(404);
  }

  @Test
  void storesWhatTheApiSigned() {
    String alice = Users.unique("alice");
    Reply sent = as(alice).post("api/messages", Requests.send(List.of(bob), "from the API"));

    assertThat(sent.status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(inbox(bob))
                    .extracting(i -> i.getString("sender") + ": " + i.getString("body"))
                    .containsExactly(alice + ": from the API"));
  }

  @Test
  void storesARecordSignedWithThePreviousKeyDuringARotation() throws Exception {
    UUID id = UUID.randomUUID();
    String alice = Users.unique("alice");
    byte[] value = envelope(id, alice, bob, "signed before the rotation");

    producer
        .send(SignedRecords.signed(SignedRecords.PREVIOUS, TOPIC, "rotation-" + id, value))
        .get();

    awaitInboxBodies(bob, "signed before the rotation");
  }

  @Test
  void reDrivingARecordOfARetiredKeySignsItWithTheCurrentKeyAndAuditsThat() throws Exception {
    UUID id = UUID.randomUUID();
    String alice = Users.unique("alice");
    byte[] value = envelope(id, alice, bob, "signed before two rotations");
    producer.send(SignedRecords.signed(SignedRecords.RETIRED, TOPIC, "retired-" + id, value)).get();
    assertThat(awaitDeadLetterReason(value)).isEqualTo("BAD_SIGNATURE");
    long deadLetter = deadLetterId(value);

    Reply redriven = admin.post("api/admin/dead-letters/" + deadLetter + "/redrive");

    assertThat(redriven.status()).isEqualTo(200);
    awaitInboxBodies(bob, "signed before two rotations");
    List<List<Object>> audit =
        LogDatabase.query(
            "select actor, details->>'keyId' from audit_events where action = 'record.redriven'"
                + " and (details->>'deadLetter')::bigint = ?",
            deadLetter);
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get(1)).isEqualTo(SignedRecords.CURRENT.id());
    assertThat(admin.get("api/admin/dead-letters/" + deadLetter).json().getString("resolution"))
        .contains(SignedRecords.CURRENT.id());
  }

  static void awaitInboxBodies(String user, String... bodies) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(inbox(user))
                    .extracting(i -> i.getString("body"))
                    .containsExactly(bodies));
  }

  static List<JsonObject> inbox(String user) {
    return as(user).get("api/inbox").json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  static byte[] envelope(UUID id, String sender, String recipient, String body) {
    return envelope(id, "thread-" + id, sender, recipient, body, Instant.now().toString());
  }

  static byte[] envelope(
      UUID id,
      String conversation,
      String sender,
      String recipient,
      String body,
      String acceptedAt) {
    return Json.createObjectBuilder()
        .add("v", 1)
        .add("id", id.toString())
        .add("conversationId", conversation)
        .add("sender", sender)
        .add("to", Json.createArrayBuilder(List.of(recipient)))
        .add("body", body)
        .add("acceptedAt", acceptedAt)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  static String awaitDeadLetterReason(byte[] value) {
    return await("dead letter")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                LogDatabase.query(
                    "select reason from rejected_records where record_value = ?", (Object) value),
            rows -> rows.size() == 1)
        .get(0)
        .get(0)
        .toString();
  }

  static long deadLetterId(byte[] value) {
    return ((Number)
            LogDatabase.query(
                    "select id from rejected_records where record_value = ?", (Object) value)
                .get(0)
                .get(0))
        .longValue();
  }

  static byte[] bland(byte[] value) {
    return new String(value, StandardCharsets.UTF_8)
        .replace("\"ceo\"", "\"bob\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  static ProducerRecord<String, byte[]> reValued(ProducerRecord<String, byte[]> r, byte[] value) {
    return new ProducerRecord<>(r.topic(), null, r.key(), value, r.headers());
  }

  static ProducerRecord<String, byte[]> reKeyed(ProducerRecord<String, byte[]> r, String key) {
    return new ProducerRecord<>(r.topic(), null, key, r.value(), r.headers());
  }

  /** Another record's (valid) signature headers on this one. */
  static ProducerRecord<String, byte[]> withSignatureOf(
      ProducerRecord<String, byte[]> other, String key, byte[] value) {
    return new ProducerRecord<>(
        TOPIC,
        null,
        key,
        value,
        List.of(
            new RecordHeader(
                SignatureHeaders.KEY_ID,
                other.headers().lastHeader(SignatureHeaders.KEY_ID).value()),
            new RecordHeader(
                SignatureHeaders.SIGNATURE,
                other.headers().lastHeader(SignatureHeaders.SIGNATURE).value())));
  }
}
