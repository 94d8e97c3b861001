package dev.herald.storing.boundary;

import dev.herald.storing.control.RecordBatches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads herald.messages into the batch writer and returns at once, so the connector keeps
 * delivering (up to unacked.limit records) while a batch is being written. A record is acknowledged
 * by the writer only after it is committed to the database (or dead-lettered). It is never nacked:
 * on the liberty-kafka connector a nack stops the channel for good.
 */
@ApplicationScoped
public class MessageConsumer {
  @Inject RecordBatches batches;

  @Incoming("messages-in")
  public CompletionStage<Void> consume(Message<byte[]> message) {
    batches.add(message);
    return CompletableFuture.completedFuture(null);
  }
}
