package dev.herald.storing.control;

import dev.herald.deadletters.control.DeadLetters;
import dev.herald.deadletters.control.RecordRejection;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.platform.SqlFailures;
import dev.herald.sending.control.EnvelopeCodec;
import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.signing.control.RecordVerifier;
import dev.herald.storing.entity.RecordCoordinates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Takes records from herald.messages to the database. Never lets a record fail: a record that can
 * never be stored is dead-lettered; a database that is down is waited for, retrying the same
 * records, so that nothing is skipped and the consumer never stops.
 */
@ApplicationScoped
public class RecordIntake {
  private static final Logger LOG = Logger.getLogger(RecordIntake.class.getName());

  @Inject RecordVerifier verifier;
  @Inject EnvelopeCodec codec;
  @Inject MessageBatchStore batchStore;
  @Inject DeadLetters deadLetters;
  @Inject Backoff backoff;
  @Inject StoreMetrics metrics;
  @Inject StoreTracing tracing;

  /**
   * Takes a batch in one transaction; returns when all are stored or dead-lettered, false only when
   * shutting down. If the database refuses the batch's data, the records go one by one, so that the
   * one at fault is dead-lettered and the rest stored.
   */
  public boolean takeAll(List<ConsumerRecord<byte[], byte[]>> records) {
    StoreTracing.Spans spans = tracing.start(records);
    try {
      return retrying(
          "a batch of " + records.size(),
          () -> {
            try {
              store(records.size(), decodeOrReject(records, spans));
              return true;
            } catch (Exception e) {
              if (!SqlFailures.isPermanent(e)) {
                throw e;
              }
              return records.stream().allMatch(record -> take(record, spans));
            }
          });
    } finally {
      spans.end();
    }
  }

  /** One record: stored, or dead-lettered if the database refuses its data. */
  private boolean take(ConsumerRecord<byte[], byte[]> record, StoreTracing.Spans spans) {
    return retrying(
        coordinates(record).toString(),
        () -> {
          try {
            store(1, decodeOrReject(List.of(record), spans));
          } catch (Exception e) {
            if (!SqlFailures.isPermanent(e)) {
              throw e;
            }
            deadLetters.reject(
                coordinates(record),
                record.key(),
                record.value(),
                RejectReason.UNSTORABLE,
                SqlFailures.describe(e));
          }
          return true;
        });
  }

  /**
   * One transaction, counted whichever path it is on: a batch, or a record alone after its batch
   * was refused (else the figures would be low exactly when the store has trouble).
   */
  private void store(int records, List<MessageBatchStore.Item> items) throws SQLException {
    long start = System.nanoTime();
    int stored = batchStore.store(items);
    metrics.committed(records, stored, System.nanoTime() - start);
  }

  /** Retries in place with backoff, so nothing is skipped; false when the application stops. */
  private boolean retrying(String what, Attempt attempt) {
    for (int n = 1; ; n++) {
      try {
        return attempt.run();
      } catch (Exception e) {
        LOG.log(
            n == 1 ? Level.WARNING : Level.FINE,
            "Storing " + what + " failed (attempt " + n + "), will retry",
            e);
        if (!backoff.pause(n)) {
          return false;
        }
      }
    }
  }

  private interface Attempt {
    boolean run() throws Exception;
  }

  private List<MessageBatchStore.Item> decodeOrReject(
      List<ConsumerRecord<byte[], byte[]>> records, StoreTracing.Spans spans) throws Exception {
    List<MessageBatchStore.Item> items = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      try {
        items.add(
            new MessageBatchStore.Item(
                trusted(record), coordinates(record), spans.traceparent(record)));
      } catch (RecordRejection rejection) {
        deadLetters.reject(
            coordinates(record),
            record.key(),
            record.value(),
            rejection.reason(),
            rejection.getMessage());
      }
    }
    return items;
  }

  /**
   * The signature first: nothing of an unsigned record is parsed. Then what a signed record could
   * still get wrong if the API that signed it was bypassed or wrong.
   */
  private MessageEnvelope trusted(ConsumerRecord<byte[], byte[]> record) {
    verifier.verify(record.key(), record.value(), record.headers());
    return ConversationRules.check(codec.read(record.value()));
  }

  private static RecordCoordinates coordinates(ConsumerRecord<byte[], byte[]> record) {
    return new RecordCoordinates(record.topic(), record.partition(), record.offset());
  }
}
