package dev.herald.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates herald.messages with the configured number of partitions when it does not exist yet, so
 * that a new installation does not depend on the broker's auto-creation defaults. Partitions are
 * the unit of consumer parallelism across Herald instances. Turn off with
 * HERALD_KAFKA_CREATE_TOPICS=false where topics are managed elsewhere.
 */
@ApplicationScoped
public class KafkaTopics {
  private static final Logger LOG = Logger.getLogger(KafkaTopics.class.getName());

  @Inject
  @ConfigProperty(name = "mp.messaging.connector.liberty-kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject
  @ConfigProperty(name = "mp.messaging.outgoing.messages-out.topic")
  String topic;

  @Inject
  @ConfigProperty(name = "herald.kafka.create-topics", defaultValue = "true")
  boolean create;

  @Inject
  @ConfigProperty(name = "herald.kafka.partitions", defaultValue = "6")
  int partitions;

  @Inject
  @ConfigProperty(name = "herald.kafka.replication-factor")
  Optional<Short> replicationFactor;

  void ensure(@Observes @Initialized(ApplicationScoped.class) Object started)
      throws InterruptedException {
    if (!create) {
      return;
    }
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "herald-setup"))) {
      admin
          .createTopics(List.of(new NewTopic(topic, Optional.of(partitions), replicationFactor)))
          .all()
          .get(15, TimeUnit.SECONDS);
      LOG.info(() -> "Created topic " + topic + " with " + partitions + " partitions");
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        LOG.warning("Could not create topic " + topic + ": " + e.getCause());
      }
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warning(
          "Kafka did not answer while creating topic " + topic + "; relying on it existing");
    }
  }
}
