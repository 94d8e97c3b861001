package dev.herald.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
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

  @Inject KafkaAdmin admin;

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
    try {
      admin
          .client()
          .createTopics(
              List.of(new NewTopic(topic, Optional.of(partitions), replicationFactor)),
              new CreateTopicsOptions().timeoutMs(KafkaAdmin.MAX_CALL_MILLIS))
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
