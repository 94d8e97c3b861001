package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.ExtraServer;
import dev.herald.testing.Herald;
import dev.herald.testing.Requests;
import dev.herald.testing.SaslBroker;
import dev.herald.testing.Users;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Herald against a broker that requires SASL/SCRAM-SHA-512: a second Liberty given only the KAFKA_*
 * security settings creates its topic (admin client), publishes (producer) and stores (consumer)
 * through it, while a client without credentials gets nothing from that broker.
 */
class SaslKafkaIT {
  @Test
  void sendsAndStoresAMessageThroughABrokerThatRequiresScram() throws Exception {
    try (SaslBroker broker = SaslBroker.start()) {
      assertThatThrownBy(() -> topics(Map.of("bootstrap.servers", broker.bootstrap())))
          .as("a client without credentials")
          .isInstanceOf(ExecutionException.class);
      Map<String, String> environment = new HashMap<>(broker.clientSettings());
      environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap());
      environment.put("HERALD_KAFKA_PARTITIONS", "1");
      try (ExtraServer herald = ExtraServer.start(2, environment)) {
        String alice = Users.unique("alice");
        String bob = Users.unique("bob");

        HttpResponse<String> sent = send(herald, alice, bob, "through SCRAM");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String id = Json.createReader(new StringReader(sent.body())).readObject().getString("id");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> Herald.as(bob).get("api/messages/" + id).status() == 200);
        assertThat(recordValues(broker.clientProperties())).anyMatch(v -> v.contains(id));
        // readiness asks the broker through the admin client: it got the SASL settings too
        assertThat(get(herald, "health/ready").body()).contains("\"kafka\"").doesNotContain("DOWN");
      }
    }
  }

  static HttpResponse<String> send(ExtraServer herald, String from, String to, String body)
      throws Exception {
    String token = Herald.token(Json.createObjectBuilder().add("user", from).build());
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(herald.base().resolve("api/messages"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Requests.send(List.of(to), body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(ExtraServer herald, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(herald.base().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The values in herald.messages, read with these client properties. */
  static List<String> recordValues(Map<String, Object> properties) {
    Map<String, Object> config = new HashMap<>(properties);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      TopicPartition partition = new TopicPartition("herald.messages", 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                return consumer.position(partition) >= end;
              });
    }
    return values;
  }

  /** The broker's topics as a client with these properties sees them, within seconds. */
  static java.util.Set<String> topics(Map<String, Object> properties) throws Exception {
    Map<String, Object> config = new HashMap<>(properties);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(config)) {
      return admin.listTopics().names().get(10, TimeUnit.SECONDS);
    }
  }
}
