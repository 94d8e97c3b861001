package dev.herald.messages.boundary;

import dev.herald.messages.control.RecordIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads herald.messages and acknowledges a record only after it is committed to the database (or
 * dead-lettered). It never nacks: on the liberty-kafka connector a nack stops the channel for good.
 */
@ApplicationScoped
public class MessageConsumer {
  @Inject RecordIntake intake;

  @Incoming("messages-in")
  @SuppressWarnings("unchecked")
  public CompletionStage<Void> consume(Message<byte[]> message) {
    ConsumerRecord<byte[], byte[]> record = message.unwrap(ConsumerRecord.class);
    if (intake.take(record)) {
      return message.ack();
    }
    // shutting down: leave the record unacknowledged; it is read again after restart
    return new CompletableFuture<>();
  }
}
