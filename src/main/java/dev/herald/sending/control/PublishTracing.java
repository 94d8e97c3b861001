package dev.herald.sending.control;

import dev.herald.platform.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The send's span in its Kafka record: a producer span, child of the POST's server span, from the
 * hand-over to the broker's answer, and its W3C traceparent in the record's headers for the store
 * to continue. While tracing is off there is no span and no header.
 */
@ApplicationScoped
public class PublishTracing {
  @Inject Tracer tracer;
  @Inject TraceContexts contexts;

  /** On the request's thread, where the server span is current; null while tracing is off. */
  Span start(String topic) {
    if (!contexts.on()) {
      return null;
    }
    return tracer
        .spanBuilder(topic + " publish")
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", topic)
        .startSpan();
  }

  <K, V> ProducerRecord<K, V> traced(ProducerRecord<K, V> record, Span span) {
    if (span != null) {
      contexts.inject(Context.root().with(span), record.headers());
    }
    return record;
  }

  void end(Span span, boolean acknowledged) {
    if (span != null) {
      if (!acknowledged) {
        span.setStatus(StatusCode.ERROR, "not acknowledged by the broker");
      }
      span.end();
    }
  }
}
