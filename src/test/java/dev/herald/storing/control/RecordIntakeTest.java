package dev.herald.storing.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.deadletters.control.DeadLetters;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.platform.Constraints;
import dev.herald.sending.control.EnvelopeCodec;
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
  UUID refused;

  @BeforeEach
  void wire() {
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
          void committed(int records, int newMessages, long nanos) {}
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
    return new ConsumerRecord<>(
        "herald.messages", 0, offset, "c1".getBytes(), json.getBytes(StandardCharsets.UTF_8));
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
    ConsumerRecord<byte[], byte[]> bad =
        new ConsumerRecord<>("herald.messages", 0, 7, null, "not json".getBytes());

    intake.takeAll(List.of(bad, record(8, good)));

    assertThat(deadLettered).containsExactly("NOT_JSON@7");
    assertThat(batches.get(0)).extracting(i -> i.message().id()).containsExactly(good);
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
}
