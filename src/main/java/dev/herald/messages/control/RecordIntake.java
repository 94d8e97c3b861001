package dev.herald.messages.control;

import dev.herald.deadletters.control.DeadLetters;
import dev.herald.deadletters.control.RecordRejection;
import dev.herald.deadletters.entity.RejectReason;
import dev.herald.messages.entity.MessageEnvelope;
import dev.herald.messages.entity.RecordCoordinates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Takes one record from herald.messages to the database. Never lets a record fail: a record that
 * can never be stored is dead-lettered; a database that is down is waited for, retrying the same
 * record, so that nothing is skipped and the consumer never stops.
 */
@ApplicationScoped
public class RecordIntake {
  private static final Logger LOG = Logger.getLogger(RecordIntake.class.getName());

  @Inject EnvelopeCodec codec;
  @Inject MessageStore store;
  @Inject MessageBatchStore batchStore;
  @Inject DeadLetters deadLetters;
  @Inject Backoff backoff;

  /** Returns when the record is stored or dead-lettered; false only when shutting down. */
  public boolean take(ConsumerRecord<byte[], byte[]> record) {
    RecordCoordinates at =
        new RecordCoordinates(record.topic(), record.partition(), record.offset());
    for (int attempt = 1; ; attempt++) {
      try {
        handle(record, at);
        return true;
      } catch (Exception e) {
        LOG.log(
            attempt == 1 ? Level.WARNING : Level.FINE,
            "Storing " + at + " failed (attempt " + attempt + "), will retry",
            e);
        if (!backoff.pause(attempt)) {
          return false;
        }
      }
    }
  }

  /**
   * Takes a batch in one transaction; returns when all are stored or dead-lettered, false only when
   * shutting down. If the database refuses the batch's data, the records go one by one, so that the
   * one at fault is dead-lettered and the rest stored.
   */
  public boolean takeAll(List<ConsumerRecord<byte[], byte[]>> records) {
    for (int attempt = 1; ; attempt++) {
      try {
        batchStore.store(decodeOrReject(records));
        return true;
      } catch (Exception e) {
        if (SqlFailures.isPermanent(e)) {
          return records.stream().allMatch(this::take);
        }
        LOG.log(
            attempt == 1 ? Level.WARNING : Level.FINE,
            "Storing a batch of "
                + records.size()
                + " failed (attempt "
                + attempt
                + "), will retry",
            e);
        if (!backoff.pause(attempt)) {
          return false;
        }
      }
    }
  }

  private List<MessageBatchStore.Item> decodeOrReject(List<ConsumerRecord<byte[], byte[]>> records)
      throws Exception {
    List<MessageBatchStore.Item> items = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      RecordCoordinates at =
          new RecordCoordinates(record.topic(), record.partition(), record.offset());
      try {
        items.add(new MessageBatchStore.Item(codec.read(record.value()), at));
      } catch (RecordRejection rejection) {
        deadLetters.reject(
            at, record.key(), record.value(), rejection.reason(), rejection.getMessage());
      }
    }
    return items;
  }

  private void handle(ConsumerRecord<byte[], byte[]> record, RecordCoordinates at)
      throws Exception {
    MessageEnvelope envelope;
    try {
      envelope = codec.read(record.value());
    } catch (RecordRejection rejection) {
      deadLetters.reject(
          at, record.key(), record.value(), rejection.reason(), rejection.getMessage());
      return;
    }
    try {
      store.store(envelope, at);
    } catch (Exception e) {
      if (!SqlFailures.isPermanent(e)) {
        throw e;
      }
      deadLetters.reject(
          at, record.key(), record.value(), RejectReason.UNSTORABLE, SqlFailures.describe(e));
    }
  }
}
