package dev.herald.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Kafka admin client of this instance (topic set-up, readiness), created on first use and
 * closed with the application, with the same security settings as the connector's clients ({@link
 * KafkaSecurity}). Callers bound each call with its own timeout.
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
      Map<String, Object> config = new HashMap<>(KafkaSecurity.clientProperties());
      config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, MAX_CALL_MILLIS);
      config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, MAX_CALL_MILLIS);
      config.put(AdminClientConfig.CLIENT_ID_CONFIG, "herald-admin");
      admin = Admin.create(config);
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
