package dev.herald.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manifests in src/main/k8s parse strictly into the fabric8 Kubernetes and Strimzi models (no
 * cluster runs here to apply them), the CloudNativePG Cluster uses only fields its CRD declares,
 * kustomize takes every file, and every image is an exact version.
 */
class KubernetesManifestsTest {
  @Test
  void theKustomizationListsEveryManifest() {
    List<String> listed = new ArrayList<>();
    Manifests.kustomization().get("resources").forEach(r -> listed.add(r.asText()));

    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(
            Manifests.files().stream().map(f -> f.getFileName().toString()).toList());
  }

  @Test
  void everyManifestParsesStrictlyIntoItsModelOrCrd() throws Exception {
    for (Path file : Manifests.files()) {
      JsonNode manifest = Manifests.tree(file);
      String kind = manifest.path("kind").asText();
      if (Manifests.CLOUDNATIVE_PG_CLUSTER.equals(
          manifest.path("apiVersion").asText() + " " + kind)) {
        assertThat(cloudNativePg().problems(manifest.get("spec"))).as(file.toString()).isEmpty();
        StrictModel.refuseUnknown(
            StrictModel.YAML.treeToValue(
                manifest.at("/spec/resources"), ResourceRequirements.class),
            "spec.resources");
      } else {
        assertThat(Manifests.MODELS).as(file + ": a kind with a model").containsKey(kind);
        StrictModel.read(manifest, Manifests.MODELS.get(kind));
      }
    }
  }

  @Test
  void aFieldTheModelDoesNotHaveIsRefused() {
    ObjectNode deployment =
        (ObjectNode) Manifests.tree(Manifests.BASE.resolve("herald-deployment.yaml"));
    ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("livenesProbe", "a typo");
    ObjectNode kafka = (ObjectNode) Manifests.tree(Manifests.BASE.resolve("kafka.yaml"));
    ((ObjectNode) kafka.at("/spec/kafka/listeners/0")).put("tsl", false);

    assertThatThrownBy(() -> StrictModel.read(deployment, Deployment.class))
        .hasMessageContaining("livenesProbe");
    assertThatThrownBy(() -> StrictModel.read(kafka, Kafka.class)).hasMessageContaining("tsl");
  }

  @Test
  void aFieldTheCloudNativePgCrdDoesNotDeclareIsRefused() throws Exception {
    ObjectNode spec = (ObjectNode) Manifests.postgresCluster().get("spec").deepCopy();
    spec.put("replicas", 3);
    ((ObjectNode) spec.get("postgresql")).putObject("synchronous").put("method", "all");

    assertThat(cloudNativePg().problems(spec))
        .containsExactlyInAnyOrder(
            "unknown field spec.replicas",
            "spec.postgresql.synchronous.method = all, the CRD allows [any, first]");
  }

  @Test
  void everyImageIsAnExactVersion() {
    JsonNode heraldImage = Manifests.kustomization().get("images").get(0);
    String container =
        Manifests.one(Deployment.class)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0)
            .getImage();
    String postgres = Manifests.postgresCluster().at("/spec/imageName").asText();

    assertThat(heraldImage.get("name").asText()).isEqualTo(container);
    assertThat(heraldImage.get("newTag").asText()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(postgres).matches("[a-z0-9./-]+:\\d+\\.\\d+(@sha256:[0-9a-f]{64})?");
    assertThat(Manifests.one(Kafka.class).getSpec().getKafka().getVersion())
        .matches("\\d+\\.\\d+\\.\\d+");
  }

  static CrdFields cloudNativePg() throws Exception {
    return new CrdFields("/k8s/cnpg-cluster-v1-fields.txt");
  }
}
