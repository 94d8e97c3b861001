package dev.herald.messages.control;

import dev.herald.messages.entity.MessageEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes envelopes to herald.messages, keyed by conversation so that one conversation stays in
 * one partition and in order. The returned stage completes when the broker acknowledged the record
 * (acks=all) and fails when it did not within the send timeout.
 */
@ApplicationScoped
public class MessagePublisher {
  @Inject
  @Channel("messages-out")
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
  Emitter<ProducerRecord<String, String>> emitter;

  @Inject
  @ConfigProperty(name = "mp.messaging.outgoing.messages-out.topic")
  String topic;

  @Inject
  @ConfigProperty(name = "herald.messages.send-timeout-ms", defaultValue = "5000")
  long timeoutMillis;

  @Inject EnvelopeCodec codec;

  public CompletionStage<Void> publish(MessageEnvelope envelope) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, envelope.conversationId(), codec.write(envelope));
    try {
      return emitter
          .send(record)
          .toCompletableFuture()
          .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      // a full buffer or a closed channel: the broker has not got it
      return CompletableFuture.failedFuture(e);
    }
  }
}
