package dev.herald.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker), so it is checked against the project: the
 * files it mounts and builds from exist, every variable it gives Herald is one Herald reads, every
 * published port is one its service listens on, and every image tag is pinned.
 */
class DockerComposeTest {
  private static final Path COMPOSE = Path.of("docker-compose.yml");
  private static final Path MONITORING = Path.of("src/main/docker/prometheus");

  /** Where compose mounts src/main/docker/grafana/dashboards: the provider's options.path. */
  private static final String GRAFANA_DASHBOARDS = "/etc/grafana/dashboards";

  private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_]+)");

  /** The ports the third-party images listen on (their documented defaults). */
  private static final Map<String, Set<Integer>> LISTENING =
      Map.of(
          "apache/kafka", Set.of(9092),
          "postgres", Set.of(5432),
          "axllent/mailpit", Set.of(8025, 1025),
          "prom/prometheus", Set.of(9090),
          "grafana/grafana", Set.of(3000));

  private final Map<String, Map<String, Object>> services = services();

  @Test
  void everyFileItBuildsFromOrMountsExists() {
    Map<String, Object> build = map(services.get("herald").get("build"));
    Path context = Path.of((String) build.get("context"));
    assertThat(context.resolve((String) build.get("dockerfile"))).isRegularFile();
    assertThat(mountedFiles().stream().filter(Files::notExists)).isEmpty();
  }

  @Test
  void prometheusAndGrafanaGetTheFilesTheyAreConfiguredWith() throws IOException {
    // Liberty serves an authenticated /metrics on its HTTPS port only
    assertThat(Files.readString(MONITORING.resolve("prometheus.yml")))
        .contains("herald:9443")
        .contains("password_file: /run/secrets/metrics_password");
    assertThat(services.get("prometheus").get("secrets").toString()).contains("metrics_password");
    Map<String, Object> provisioning =
        new Yaml()
            .load(
                Files.readString(
                    Path.of("src/main/docker/grafana/provisioning/dashboards/herald.yml")));
    assertThat(list(provisioning.get("providers")))
        .allSatisfy(
            provider ->
                assertThat(map(map(provider).get("options")).get("path"))
                    .isEqualTo(GRAFANA_DASHBOARDS));
  }

  @Test
  void everyVariableItGivesHeraldIsOneHeraldReads() throws IOException {
    Map<String, Object> environment = map(services.get("herald").get("environment"));

    assertThat(new TreeSet<>(environment.keySet()))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(HeraldSettings.environmentNames()).contains(name));
  }

  @Test
  void everyPublishedPortIsOneItsServiceListensOn() {
    services.forEach(
        (name, service) -> {
          Set<Integer> listening = listening(name, service);
          for (Object mapping : list(service.get("ports"))) {
            String[] parts = mapping.toString().split(":");
            assertThat(Integer.parseInt(parts[parts.length - 1]))
                .as(name + " publishes " + mapping)
                .isIn(listening);
          }
        });
  }

  @Test
  void everyImageTagIsPinned() throws IOException {
    List<String> images = new ArrayList<>();
    services.values().forEach(service -> images.add((String) service.get("image")));
    for (String line : Files.readAllLines(Path.of("src/main/docker/Dockerfile"))) {
      if (line.startsWith("FROM ")) {
        images.add(line.split("\\s+")[1]);
      }
    }

    assertThat(images)
        .doesNotContainNull()
        .allSatisfy(
            image -> {
              String tag = image.substring(image.lastIndexOf('/') + 1);
              assertThat(tag).as(image).contains(":").doesNotEndWith(":latest");
              assertThat(tag.substring(tag.indexOf(':') + 1)).as(image).containsPattern("\\d");
            });
  }

  @Test
  void everyVariableItTakesFromDotEnvIsInTheExample() throws IOException {
    String example = Files.readString(Path.of(".env.example"));
    var matcher = INTERPOLATION.matcher(Files.readString(COMPOSE));
    List<String> variables = new ArrayList<>();
    while (matcher.find()) {
      variables.add(matcher.group(1));
    }

    assertThat(variables)
        .isNotEmpty()
        .allSatisfy(variable -> assertThat(example).containsPattern("(?m)^" + variable + "="));
    assertThat(Files.readAllLines(Path.of(".gitignore"))).contains(".env");
  }

  @Test
  void kafkaKeepsItsDataOnTheVolume() {
    Map<String, Object> kafka = services.get("kafka");
    String logDirs = (String) map(kafka.get("environment")).get("KAFKA_LOG_DIRS");

    assertThat(logDirs).isNotBlank().doesNotStartWith("/tmp");
    assertThat(list(kafka.get("volumes")))
        .anySatisfy(volume -> assertThat(volume.toString()).endsWith(":" + logDirs));
  }

  @Test
  void everyServiceRestartsUnlessStopped() {
    services.forEach(
        (name, service) -> assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped"));
  }

  private Set<Integer> listening(String name, Map<String, Object> service) {
    if (name.equals("herald")) {
      return HeraldSettings.ports();
    }
    String image = (String) service.get("image");
    if (image.contains("mock-oauth2-server")) {
      return Set.of(Integer.parseInt(map(service.get("environment")).get("SERVER_PORT") + ""));
    }
    return LISTENING.getOrDefault(image.substring(0, image.lastIndexOf(':')), Set.of());
  }

  /** Bind mounts (./source:target) of every service, as project paths. */
  private List<Path> mountedFiles() {
    List<Path> files = new ArrayList<>();
    services.values().stream()
        .flatMap(service -> list(service.get("volumes")).stream())
        .map(Object::toString)
        .filter(volume -> volume.startsWith("./"))
        .forEach(volume -> files.add(Path.of(volume.substring(2, volume.indexOf(':')))));
    return files;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() {
    try {
      Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
      return (Map<String, Map<String, Object>>) compose.get("services");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }
}
