package dev.herald.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** {@code herald_live_streams}: the live streams open on this instance, read when scraped. */
@ApplicationScoped
public class LiveMetrics {
  @Inject MetricRegistry registry;
  @Inject StreamLimits limits;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(
        Metadata.builder()
            .withName("herald.live.streams")
            .withDescription("Live streams (GET /api/stream) open on this instance")
            .build(),
        limits,
        StreamLimits::open);
  }
}
