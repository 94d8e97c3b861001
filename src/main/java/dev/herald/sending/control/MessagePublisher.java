package dev.herald.sending.control;

import dev.herald.sending.entity.MessageEnvelope;
import dev.herald.sending.entity.PublishOutcome;
import dev.herald.signing.control.RecordSigner;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes envelopes to herald.messages, keyed by conversation so that one conversation stays in
 * one partition and in order. A record the producer has not taken within the hand-over timeout is
 * withdrawn (it will never be sent); once taken, the producer's own delivery timeout bounds the
 * wait for the broker's answer.
 */
@ApplicationScoped
public class MessagePublisher {
  @Inject
  @Channel("messages-out")
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
  Emitter<ProducerRecord<String, PendingSend>> emitter;

  @Inject
  @ConfigProperty(name = "mp.messaging.outgoing.messages-out.topic")
  String topic;

  @Inject EnvelopeCodec codec;
  @Inject Handovers handovers;
  @Inject RecordSigner signer;
  @Inject BrokerAcks acks;
  @Inject PublishTracing tracing;

  @Resource ManagedThreadFactory threads;
  private ExecutorService emitting;

  @PostConstruct
  void start() {
    emitting = Executors.newSingleThreadExecutor(threads);
  }

  @PreDestroy
  void stop() {
    emitting.shutdown();
  }

  public CompletionStage<PublishOutcome> publish(MessageEnvelope envelope) {
    PendingSend send = new PendingSend(codec.write(envelope));
    String key = envelope.conversationId();
    // signed on the request's thread: the one emitting thread serves every send
    ProducerRecord<String, PendingSend> record =
        new ProducerRecord<>(
            topic,
            null,
            key,
            send,
            signer.headers(key.getBytes(StandardCharsets.UTF_8), send.value()));
    CompletableFuture<PublishOutcome> outcome = new CompletableFuture<>();
    Span span = tracing.start(topic);
    try {
      emitting.execute(() -> emit(record, send, span, outcome));
    } catch (RejectedExecutionException e) {
      send.withdraw();
      tracing.end(span, false);
      outcome.complete(PublishOutcome.NOT_SENT);
    }
    handovers.watch(send, outcome);
    return outcome;
  }

  /**
   * On the one emitting thread, never a request's: the thread that emits may go on to hand queued
   * records to the producer, whose send() blocks while the broker's metadata is unknown.
   */
  private void emit(
      ProducerRecord<String, PendingSend> record,
      PendingSend send,
      Span span,
      CompletableFuture<PublishOutcome> outcome) {
    try {
      long start = System.nanoTime();
      emitter
          .send(tracing.traced(record, span))
          .whenComplete(
              (ok, failure) -> {
                acks.answered(start, failure == null);
                tracing.end(span, failure == null);
                outcome.complete(
                    failure == null
                        ? PublishOutcome.ACKNOWLEDGED
                        : send.handedOver() ? PublishOutcome.UNKNOWN : PublishOutcome.NOT_SENT);
              });
    } catch (RuntimeException e) {
      // a full buffer or a closed channel: the producer never saw it
      send.withdraw();
      tracing.end(span, false);
      outcome.complete(PublishOutcome.NOT_SENT);
    }
  }

  /** False once the channel has been shut down: nothing more can be published until restart. */
  public boolean open() {
    return !emitter.isCancelled();
  }
}
