package dev.herald.storing.control;

import dev.herald.platform.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One span per traced record of a batch, child of the send's span its headers carry, from the
 * batch's start to its commit: each message's trace goes on through the store (a batch span only
 * linked to the records would start a trace of its own). The span's traceparent goes with the
 * stored message to its alerts. While tracing is off there are no spans.
 */
@ApplicationScoped
public class StoreTracing {
  @Inject Tracer tracer;
  @Inject TraceContexts contexts;

  /** The spans of one batch. */
  public static final class Spans {
    static final Spans NONE = new Spans(null, Map.of());
    private final TraceContexts contexts;
    private final Map<ConsumerRecord<byte[], byte[]>, Span> spans;

    private Spans(TraceContexts contexts, Map<ConsumerRecord<byte[], byte[]>, Span> spans) {
      this.contexts = contexts;
      this.spans = spans;
    }

    String traceparent(ConsumerRecord<byte[], byte[]> record) {
      Span span = spans.get(record);
      return span == null ? null : contexts.traceparent(Context.root().with(span));
    }

    void end() {
      spans.values().forEach(Span::end);
    }
  }

  Spans start(List<ConsumerRecord<byte[], byte[]>> records) {
    if (!contexts.on()) {
      return Spans.NONE;
    }
    Map<ConsumerRecord<byte[], byte[]>, Span> spans = new IdentityHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Context sent = contexts.extract(record.headers());
      if (Span.fromContext(sent).getSpanContext().isValid()) {
        spans.put(record, span(record, sent, records.size()));
      }
    }
    return new Spans(contexts, spans);
  }

  private Span span(ConsumerRecord<byte[], byte[]> record, Context parent, int batchSize) {
    return tracer
        .spanBuilder(record.topic() + " store")
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", record.topic())
        .setAttribute("messaging.kafka.destination.partition", record.partition())
        .setAttribute("messaging.kafka.message.offset", record.offset())
        .setAttribute("messaging.batch.message_count", batchSize)
        .startSpan();
  }
}
