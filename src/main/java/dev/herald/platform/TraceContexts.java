package dev.herald.platform;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace across the hops that are not HTTP: W3C {@code traceparent} in Kafka record
 * headers (send to store) and as text in the outbox (store to alert). With tracing off (the
 * default) the propagator is a no-op: nothing is written, and nothing read is a span.
 */
@ApplicationScoped
public class TraceContexts {
  private static final TextMapSetter<Headers> HEADER_SETTER =
      (headers, key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  private static final TextMapGetter<Headers> HEADER_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
          return () -> java.util.Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
          Header header = headers == null ? null : headers.lastHeader(key);
          return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
      };
  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  @Inject OpenTelemetry telemetry;

  /** False while tracing is off: callers skip their spans altogether. */
  public boolean on() {
    return !propagator().fields().isEmpty();
  }

  public void inject(Context context, Headers headers) {
    propagator().inject(context, headers, HEADER_SETTER);
  }

  /** The record's context; one without a valid span if it carries none. */
  public Context extract(Headers headers) {
    return propagator().extract(Context.root(), headers, HEADER_GETTER);
  }

  /** The W3C traceparent of a context's span, or null if it has none (kept in the outbox). */
  public String traceparent(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagator().inject(context, carrier, Map::put);
    return carrier.get("traceparent");
  }

  public Context fromTraceparent(String traceparent) {
    if (traceparent == null) {
      return Context.root();
    }
    return propagator().extract(Context.root(), Map.of("traceparent", traceparent), MAP_GETTER);
  }

  private TextMapPropagator propagator() {
    return telemetry.getPropagators().getTextMapPropagator();
  }
}
