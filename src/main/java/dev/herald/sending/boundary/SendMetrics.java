package dev.herald.sending.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@code herald_sends_total{outcome}} (202, 503, 429, 4xx, 5xx) and {@code herald_send_seconds}
 * (the POST from its matched request to its answer, which waits for the broker): counted as the
 * answer leaves, whether it came from the resource or from an exception mapper. Requests refused
 * before reaching the send (401) are not sends.
 */
@Provider
@SendMetered
@ApplicationScoped
public class SendMetrics implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String STARTED = SendMetrics.class.getName() + ".started";

  @Inject MetricRegistry registry;

  private Map<String, Counter> sends;
  private Timer latency;

  @PostConstruct
  void register() {
    Metadata counted =
        Metadata.builder()
            .withName("herald.sends")
            .withDescription("POST /api/messages answered, by outcome")
            .build();
    sends =
        Map.of(
            "202", registry.counter(counted, new Tag("outcome", "202")),
            "503", registry.counter(counted, new Tag("outcome", "503")),
            "429", registry.counter(counted, new Tag("outcome", "429")),
            "4xx", registry.counter(counted, new Tag("outcome", "4xx")),
            "5xx", registry.counter(counted, new Tag("outcome", "5xx")));
    latency =
        registry.timer(
            Metadata.builder()
                .withName("herald.send")
                .withDescription("POST /api/messages, from request to answer")
                .build());
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    sends.get(outcome(response.getStatus())).inc();
    if (request.getProperty(STARTED) instanceof Long started) {
      latency.update(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  static String outcome(int status) {
    return switch (status) {
      case 202, 503, 429 -> String.valueOf(status);
      default -> status >= 400 && status < 500 ? "4xx" : "5xx";
    };
  }
}
