package dev.herald.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Kafka admin client of this instance (topic set-up, readiness), created on first use and
 * closed with the application. Callers bound each call with its own timeout.
 */
@ApplicationScoped
public class KafkaAdmin {
  static final int MAX_CALL_MILLIS = 15_000;

  @Inject
  @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.bootstrap.servers")
  String bootstrapServers;

  private Admin admin;

  public synchronized Admin client() {
    if (admin == null) {
      admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                  AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, MAX_CALL_MILLIS,
                  AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, MAX_CALL_MILLIS,
                  AdminClientConfig.CLIENT_ID_CONFIG, "herald-admin"));
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
