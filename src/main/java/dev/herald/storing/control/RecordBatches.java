package dev.herald.storing.control;

import dev.herald.platform.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Group commit for the consumer: records queue up while the previous batch is being written, and
 * the next batch takes all of them (up to a maximum) into one transaction. Each record is
 * acknowledged only after its batch committed, in arrival order. How many records wait at most is
 * bounded by the channel's unacked.limit: the connector stops fetching when it is reached.
 */
@ApplicationScoped
public class RecordBatches {
  private static final Logger LOG = Logger.getLogger(RecordBatches.class.getName());

  @Inject RecordIntake intake;

  @Inject
  @ConfigProperty(name = "herald.store.batch-size", defaultValue = "500")
  int maxBatch;

  @Resource ManagedThreadFactory threads;

  private final BlockingQueue<Message<byte[]>> waiting = new LinkedBlockingQueue<>();
  private volatile boolean running = true;

  /** Records wait (unacknowledged, up to unacked.limit) until the schema is migrated. */
  void start(@Observes SchemaMigrated migrated) {
    threads.newThread(this::writeBatches).start();
  }

  @PreDestroy
  void stop() {
    running = false;
  }

  public void add(Message<byte[]> message) {
    waiting.add(message);
  }

  private void writeBatches() {
    List<Message<byte[]>> batch = new ArrayList<>();
    while (running) {
      try {
        Message<byte[]> first = waiting.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        waiting.drainTo(batch, maxBatch - 1);
        if (!intake.takeAll(records(batch))) {
          return; // stopping: unacknowledged records are read again after the restart
        }
        batch.forEach(Message::ack);
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // takeAll never gives up on a batch; this is a bug, and the records stay unacknowledged
        LOG.log(Level.SEVERE, "Batch writer failed; records will be read again after restart", e);
        return;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<ConsumerRecord<byte[], byte[]>> records(List<Message<byte[]>> batch) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(batch.size());
    for (Message<byte[]> message : batch) {
      records.add(message.unwrap(ConsumerRecord.class));
    }
    return records;
  }
}
