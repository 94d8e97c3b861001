package dev.herald.storing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The store's figures, once per batch (never per record): {@code herald_store_batch_size}, {@code
 * herald_store_commit_seconds} (writing and committing one batch) and {@code
 * herald_messages_stored_total} (messages new to the database).
 */
@ApplicationScoped
public class StoreMetrics {
  @Inject MetricRegistry registry;

  private Histogram batchSize;
  private Timer commit;
  private Counter stored;

  @PostConstruct
  void register() {
    batchSize =
        registry.histogram(
            Metadata.builder()
                .withName("herald.store.batch.size")
                .withDescription("Records per batch the store wrote in one transaction")
                .build());
    commit =
        registry.timer(
            Metadata.builder()
                .withName("herald.store.commit")
                .withDescription("Writing and committing one batch of records")
                .build());
    stored =
        registry.counter(
            Metadata.builder()
                .withName("herald.messages.stored")
                .withDescription("Messages stored (new to the database)")
                .build());
  }

  void committed(int records, int newMessages, long nanos) {
    batchSize.update(records);
    commit.update(Duration.ofNanos(nanos));
    stored.inc(newMessages);
  }
}
