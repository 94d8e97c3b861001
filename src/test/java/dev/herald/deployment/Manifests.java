package dev.herald.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The manifests in src/main/k8s/base, each read into the model class of its kind. */
final class Manifests {
  static final Path BASE = Path.of("src/main/k8s/base");
  static final Map<String, Class<? extends HasMetadata>> MODELS =
      Map.of(
          "ConfigMap", ConfigMap.class,
          "Deployment", Deployment.class,
          "Service", Service.class,
          "PodDisruptionBudget", PodDisruptionBudget.class,
          "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "Kafka", Kafka.class,
          "KafkaNodePool", KafkaNodePool.class,
          "KafkaTopic", KafkaTopic.class);

  /** Kinds without a Java model, checked against their CRD's fields instead. */
  static final String CLOUDNATIVE_PG_CLUSTER = "postgresql.cnpg.io/v1 Cluster";

  private Manifests() {}

  static JsonNode kustomization() {
    return tree(BASE.resolve("kustomization.yaml"));
  }

  static List<Path> files() {
    try (Stream<Path> files = Files.list(BASE)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(Path file) {
    try {
      return StrictModel.YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one manifest of this kind, read strictly into its model. */
  static <T extends HasMetadata> T one(Class<T> type) {
    List<JsonNode> found =
        files().stream()
            .map(Manifests::tree)
            .filter(m -> MODELS.get(m.path("kind").asText()) == type)
            .toList();
    if (found.size() != 1) {
      throw new IllegalStateException(found.size() + " manifests of " + type.getSimpleName());
    }
    return StrictModel.read(found.get(0), type);
  }

  static JsonNode postgresCluster() {
    return files().stream()
        .map(Manifests::tree)
        .filter(
            m ->
                CLOUDNATIVE_PG_CLUSTER.equals(
                    m.path("apiVersion").asText() + " " + m.path("kind").asText()))
        .findFirst()
        .orElseThrow();
  }
}
