package dev.herald.storing.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.deadletters.control.DeadLetters;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.platform.Constraints;
import dev.herald.sending.control.EnvelopeCodec;
import dev.herald.signing.control.RecordSigner;
import dev.herald.signing.control.RecordVerifier;
import dev.herald.signing.control.SigningKeys;
import dev.herald.storing.entity.RecordCoordinates;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordIntakeTest {
  final RecordIntake intake = new RecordIntake();
  final List<List<MessageBatchStore.Item>> batches = new ArrayList<>();
  final List<String> deadLettered = new ArrayList<>();
  final List<String> committed = new ArrayList<>();
  UUID refused;

  static final SigningKeys KEYS =
      SigningKeys.of("k1", "a test secret of at least thirty-two bytes", null, null, false);

  @BeforeEach
  void wire() {
    intake.verifier = RecordVerifier.with(KEYS);
    intake.codec = EnvelopeCodec.with(Constraints.from(Validation.buildDefaultValidatorFactory()));
    intake.backoff = new Backoff();
    intake.tracing =
        new StoreTracing() {
          @Override
          Spans start(List<ConsumerRecord<byte[], byte[]>> records) {
            return Spans.NONE;
          }
        };
    intake.metrics =
        new StoreMetrics() {
          @Override
          void committed(int records, int newMessages, long nanos) {
            committed.add(records + " records, " + newMessages + " stored");
          }
        };
    intake.batchStore =
        new MessageBatchStore() {
          @Override
          public int store(List<Item> items) throws SQLException {
            if (items.stream().anyMatch(i -> i.message().id().equals(refused))) {
              throw new SQLException("invalid byte sequence", "22021");
            }
            batches.add(items);
            return items.size();
          }
        };
    intake.deadLetters =
        new DeadLetters() {
          @Override
          public void reject(
              RecordCoordinates at, byte[] key, byte[] value, RejectReason reason, String error) {
            deadLettered.add(reason.name() + "@" + at.offset());
          }
        };
  }

  static ConsumerRecord<byte[], byte[]> record(long offset, UUID id) {
    String json =
        "{\"v\":1,\"id\":\""
            + id
            + "\",\"conversationId\":\"c1\",\"sender\":\"alice\",\"to\":[\"bob\"],"
            + "\"body\":\"hi\",\"acceptedAt\":\""
            + Instant.now()
            + "\"}";
    return signed(offset, "c1".getBytes(), json.getBytes(StandardCharsets.UTF_8));
  }

  static ConsumerRecord<byte[], byte[]> signed(long offset, byte[] key, byte[] value) {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("herald.messages", 0, offset, key, value);
    RecordSigner.with(KEYS).headers(key, value).forEach(record.headers()::add);
    return record;
  }

  @Test
  void storesAWholeBatchInOneTransactionInArrivalOrder() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();

    assertThat(intake.takeAll(List.of(record(1, first), record(2, second)))).isTrue();

    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).extracting(i -> i.message().id()).containsExactly(first, second);
  }

  @Test
  void deadLettersAnUndecodableRecordAndStoresTheRestOfItsBatch() {
    UUID good = UUID.randomUUID();
    ConsumerRecord<byte[], byte[]> bad = signed(7, null, "not json".getBytes());

    intake.takeAll(List.of(bad, record(8, good)));

    assertThat(deadLettered).containsExactly("NOT_JSON@7");
    assertThat(batches.get(0)).extracting(i -> i.message().id()).containsExactly(good);
  }

  @Test
  void deadLettersAnUnsignedRecordWithoutReadingIt() {
    UUID good = UUID.randomUUID();
    ConsumerRecord<byte[], byte[]> unsigned =
        new ConsumerRecord<>("herald.messages", 0, 4, null, "not json".getBytes());

    intake.takeAll(List.of(unsigned, record(5, good)));

    assertThat(deadLettered).containsExactly("UNSIGNED@4");
    assertThat(batches.get(0)).extracting(i -> i.message().id()).containsExactly(good);
  }

  @Test
  void deadLettersASignedRecordWhoseDirectConversationIsNotItsParticipants() {
    String json =
        "{\"v\":1,\"id\":\""
            + UUID.randomUUID()
            + "\",\"conversationId\":\"dm-00000000000000000000000000000000\","
            + "\"sender\":\"ceo\",\"to\":[\"bob\"],\"body\":\"hi\",\"acceptedAt\":\"2020-01-01T00:00:00Z\"}";

    intake.takeAll(List.of(signed(9, "x".getBytes(), json.getBytes(StandardCharsets.UTF_8))));

    assertThat(deadLettered).containsExactly("WRONG_CONVERSATION@9");
    assertThat(batches).allMatch(List::isEmpty);
  }

  @Test
  void isolatesARecordTheDatabaseRefusesByStoringOneByOne() {
    UUID before = UUID.randomUUID();
    refused = UUID.randomUUID();
    UUID after = UUID.randomUUID();

    intake.takeAll(List.of(record(1, before), record(2, refused), record(3, after)));

    assertThat(batches).allMatch(batch -> batch.size() == 1);
    assertThat(batches)
        .extracting(batch -> batch.get(0).message().id())
        .containsExactly(before, after);
    assertThat(deadLettered).containsExactly("UNSTORABLE@2");
  }

  @Test
  void countsTheMessagesItStoresOneByOneAfterTheDatabaseRefusedTheirBatch() {
    refused = UUID.randomUUID();

    intake.takeAll(
        List.of(record(1, UUID.randomUUID()), record(2, refused), record(3, UUID.randomUUID())));

    assertThat(committed).containsExactly("1 records, 1 stored", "1 records, 1 stored");
  }

  @Test
  void countsAStoredBatchOnce() {
    intake.takeAll(List.of(record(1, UUID.randomUUID()), record(2, UUID.randomUUID())));

    assertThat(committed).containsExactly("2 records, 2 stored");
  }
}
