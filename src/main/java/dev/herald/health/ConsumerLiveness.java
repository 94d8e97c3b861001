package dev.herald.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live only while this instance's Kafka consumer exists. The liberty-kafka connector closes the
 * consumer for good when an exception escapes it (docs/reliability.md); the instance then still
 * accepts sends but stores nothing, and only a restart helps, which is what a failed liveness check
 * asks the platform for. The consumer is seen through the MBean every Kafka client registers.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {
  @Inject
  @ConfigProperty(name = "mp.messaging.incoming.messages-in.client.id")
  String clientId;

  static final String CONSUMING = "consuming";
  static final String CLOSED = "closed: restart needed";

  private volatile boolean seen;

  @Override
  public HealthCheckResponse call() {
    String state = state();
    return HealthCheckResponse.named("kafka-consumer")
        .status(!CLOSED.equals(state))
        .withData("clientId", clientId)
        .withData("state", state)
        .build();
  }

  /** consuming, starting (no consumer yet) or closed (it existed and is gone). */
  String state() {
    boolean present = registered();
    seen |= present;
    return present ? CONSUMING : seen ? CLOSED : "starting";
  }

  private boolean registered() {
    try {
      return ManagementFactory.getPlatformMBeanServer()
          .isRegistered(new ObjectName("kafka.consumer:type=app-info,id=" + clientId));
    } catch (MalformedObjectNameException e) {
      return false;
    }
  }
}
