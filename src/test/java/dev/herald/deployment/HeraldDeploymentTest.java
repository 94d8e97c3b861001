package dev.herald.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the manifests say about Herald agrees with Herald: its health endpoints, the variables it
 * reads, the Kafka and PostgreSQL the other manifests make, and how far it may scale.
 */
class HeraldDeploymentTest {
  final Deployment deployment = Manifests.one(Deployment.class);
  final Container herald = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  final Map<String, String> config = Manifests.one(ConfigMap.class).getData();
  final Kafka kafka = Manifests.one(Kafka.class);
  final JsonNode postgres = Manifests.postgresCluster();

  @Test
  void theProbesAskHeraldsStartedLiveAndReadyChecks() throws Exception {
    assertThat(herald.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/started");
    assertThat(herald.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
    assertThat(herald.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    for (var probe :
        List.of(herald.getStartupProbe(), herald.getLivenessProbe(), herald.getReadinessProbe())) {
      assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }
    assertThat(herald.getPorts())
        .anyMatch(p -> p.getName().equals("http") && p.getContainerPort() == 9080);
    // MicroProfile Health serves the three paths; Herald registers checks of its own
    assertThat(Files.readString(Path.of("liberty-config/server.xml")))
        .contains("<feature>mpHealth-4.0</feature>");
    assertThat(Path.of("src/main/java/dev/herald/health/ConsumerLiveness.java"))
        .content()
        .contains("@Liveness");
    assertThat(Path.of("src/main/java/dev/herald/health/DatabaseReadiness.java"))
        .content()
        .contains("@Readiness");
  }

  @Test
  void everyVariableSetIsOneHeraldReadsAndNoneIsForDevelopment() throws Exception {
    List<String> set = new ArrayList<>(config.keySet());
    herald.getEnv().forEach(e -> set.add(e.getName()));

    assertThat(HeraldSettings.environmentNames()).containsAll(set);
    assertThat(set).doesNotContain("HERALD_DEV_TOKEN_KEY");
    assertThat(herald.getEnvFrom())
        .singleElement()
        .satisfies(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("herald-config"));
  }

  @Test
  void theDatabaseIsTheCloudNativePgClusterAndItsLogin() {
    String cluster = postgres.at("/metadata/name").asText();

    assertThat(config.get("DB_URL"))
        .startsWith(
            "jdbc:postgresql://"
                + cluster
                + "-rw:5432/"
                + postgres.at("/spec/bootstrap/initdb/database").asText());
    for (String name : List.of("DB_USER", "DB_PASSWORD")) {
      EnvVar variable =
          herald.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
      assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(cluster + "-app");
    }
  }

  @Test
  void kafkaIsThreeKraftBrokersAndTheTopicIsReplicatedOnThem() {
    String name = kafka.getMetadata().getName();
    KafkaNodePool pool = Manifests.one(KafkaNodePool.class);
    KafkaTopic topic = Manifests.one(KafkaTopic.class);

    assertThat(kafka.getMetadata().getAnnotations())
        .containsEntry("strimzi.io/kraft", "enabled")
        .containsEntry("strimzi.io/node-pools", "enabled");
    assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", name);
    assertThat(pool.getSpec().getRoles()).contains(ProcessRoles.BROKER, ProcessRoles.CONTROLLER);
    assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
    assertThat(topic.getMetadata().getName()).isEqualTo("herald.messages");
    assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", name);
    assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
    assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
    assertThat(config)
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", name + "-kafka-bootstrap:9092")
        .containsEntry("HERALD_KAFKA_CREATE_TOPICS", "false");
  }

  @Test
  void scalingStaysWithinThePartitionsAndTheDatabasesConnections() {
    HorizontalPodAutoscaler hpa = Manifests.one(HorizontalPodAutoscaler.class);
    PodDisruptionBudget pdb = Manifests.one(PodDisruptionBudget.class);
    Map<String, String> pods = deployment.getSpec().getTemplate().getMetadata().getLabels();
    int partitions = Manifests.one(KafkaTopic.class).getSpec().getPartitions();
    int connections = postgres.at("/spec/postgresql/parameters/max_connections").asInt();

    assertThat(deployment.getSpec().getReplicas())
        .isEqualTo(3)
        .isEqualTo(hpa.getSpec().getMinReplicas());
    assertThat(hpa.getSpec().getScaleTargetRef().getName())
        .isEqualTo(deployment.getMetadata().getName());
    assertThat(hpa.getSpec().getMaxReplicas()).isLessThanOrEqualTo(partitions);
    assertThat(hpa.getSpec().getMaxReplicas() * Integer.parseInt(config.get("DB_POOL_MAX")))
        .isLessThan(connections);
    assertThat(pdb.getSpec().getMinAvailable().getIntVal())
        .isLessThan(deployment.getSpec().getReplicas());
    assertThat(pods).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    assertThat(pods).containsAllEntriesOf(Manifests.one(Service.class).getSpec().getSelector());
  }
}
