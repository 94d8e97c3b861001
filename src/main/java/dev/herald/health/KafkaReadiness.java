package dev.herald.health;

import dev.herald.platform.KafkaAdmin;
import dev.herald.sending.control.MessagePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a Kafka broker answers within two seconds (shared admin client) and the outgoing
 * channel is open. Why not is a stable reason; the detail (brokers' addresses) is logged.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
  static final int TIMEOUT_MILLIS = 2_000;
  static final String UNREACHABLE = "no Kafka broker answered";
  private final DownReasons reasons = new DownReasons();

  @Inject KafkaAdmin admin;
  @Inject MessagePublisher publisher;

  @Override
  public HealthCheckResponse call() {
    if (!publisher.open()) {
      return HealthCheckResponse.named("kafka")
          .down()
          .withData("error", "the messages-out channel was shut down; restart the server")
          .build();
    }
    try {
      int nodes =
          admin
              .client()
              .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
              .nodes()
              .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
              .size();
      reasons.recovered();
      return HealthCheckResponse.named("kafka")
          .status(nodes > 0)
          .withData("brokers", nodes)
          .build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return HealthCheckResponse.named("kafka")
          .down()
          .withData("error", reasons.logged("kafka", UNREACHABLE, e))
          .build();
    }
  }
}
