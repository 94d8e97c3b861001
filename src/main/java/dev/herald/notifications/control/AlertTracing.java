package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.SendOutcome;
import dev.herald.platform.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An alert's send as a span of its message's trace, the parent read from the outbox row (the stored
 * message's span), however much later and on whichever instance it is sent. Alerts without a trace
 * (tracing off, or written before it was on) are sent without a span.
 */
@ApplicationScoped
public class AlertTracing {
  @Inject Tracer tracer;
  @Inject TraceContexts contexts;

  SendOutcome send(NotificationChannel channel, Alert alert, String traceParent) {
    Context parent = contexts.fromTraceparent(traceParent);
    if (!Span.fromContext(parent).getSpanContext().isValid()) {
      return channel.send(alert);
    }
    Span span =
        tracer
            .spanBuilder("alert " + channel.name())
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("herald.notification.id", alert.notificationId().toString())
            .setAttribute("herald.alert.channel", channel.name())
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      SendOutcome outcome = channel.send(alert);
      span.setAttribute("herald.alert.outcome", outcome.getClass().getSimpleName().toLowerCase());
      if (!(outcome instanceof SendOutcome.Sent)) {
        span.setStatus(StatusCode.ERROR);
      }
      return outcome;
    } finally {
      span.end();
    }
  }
}
