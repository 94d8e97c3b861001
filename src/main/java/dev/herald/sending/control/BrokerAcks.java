package dev.herald.sending.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@code herald_broker_ack_seconds{result}}: from handing a record to the emitter to the broker's
 * answer, acknowledged ({@code ack}) or failed ({@code error}).
 */
@ApplicationScoped
public class BrokerAcks {
  @Inject MetricRegistry registry;

  private Timer acknowledged;
  private Timer failed;

  @PostConstruct
  void register() {
    Metadata metadata =
        Metadata.builder()
            .withName("herald.broker.ack")
            .withDescription("From handing a record to the producer to the broker's answer")
            .build();
    acknowledged = registry.timer(metadata, new Tag("result", "ack"));
    failed = registry.timer(metadata, new Tag("result", "error"));
  }

  void answered(long startNanos, boolean ok) {
    (ok ? acknowledged : failed).update(Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
