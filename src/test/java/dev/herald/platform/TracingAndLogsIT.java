package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.ExtraServer;
import dev.herald.testing.Herald;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * A second instance switched to what an operator sets in production: traces exported by OTLP/HTTP
 * (here to a receiver inside the test) and JSON console logs. It publishes to and stores from a
 * topic of its own, so that the whole path of its sends runs in it (the build's server, tracing
 * off, shares the database only).
 */
@MicroShedTest
class TracingAndLogsIT {
  static final String TOPIC = "herald.it.traced";
  static OtlpReceiver receiver;
  static ExtraServer traced;

  @BeforeAll
  static void startTracedInstance() throws Exception {
    Herald.awaitReady();
    receiver = new OtlpReceiver();
    traced =
        ExtraServer.start(
            2,
            Map.ofEntries(
                Map.entry("WLP_LOGGING_CONSOLE_FORMAT", "json"),
                Map.entry("OTEL_SDK_DISABLED", "false"),
                Map.entry("OTEL_SERVICE_NAME", "herald-traced"),
                Map.entry("OTEL_TRACES_EXPORTER", "otlp"),
                Map.entry("OTEL_METRICS_EXPORTER", "none"),
                Map.entry("OTEL_LOGS_EXPORTER", "none"),
                Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "200"),
                Map.entry("MP_MESSAGING_OUTGOING_MESSAGES_OUT_TOPIC", TOPIC),
                Map.entry("MP_MESSAGING_INCOMING_MESSAGES_IN_TOPIC", TOPIC),
                Map.entry("MP_MESSAGING_INCOMING_MESSAGES_IN_GROUP_ID", "herald-it-traced"),
                Map.entry("HERALD_KAFKA_PARTITIONS", "1")));
  }

  @AfterAll
  static void stopTracedInstance() throws Exception {
    if (traced != null) {
      traced.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void oneTraceRunsFromThePostThroughTheStoreToTheAlert() throws Exception {
    String sender = Users.unique("traced");
    String recipient = Users.unique("alerted");
    String token = Herald.token(Json.createObjectBuilder().add("user", sender).build());
    HttpResponse<String> sent =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(traced.base().resolve("api/messages"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Requests.send(List.of(recipient), "follow me")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

    await("the POST's trace through the store to the alert")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              List<OtlpReceiver.Received> spans = receiver.spans();
              OtlpReceiver.Received post =
                  spans.stream()
                      .filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER)
                      .filter(
                          s -> s.name().contains("/api/messages") || s.name().contains("/messages"))
                      .filter(s -> s.name().startsWith("POST"))
                      .reduce((first, last) -> last)
                      .orElseThrow(() -> new AssertionError("no POST server span in " + spans));
              List<String> inTrace =
                  spans.stream()
                      .filter(s -> s.traceId().equals(post.traceId()))
                      .map(OtlpReceiver.Received::name)
                      .toList();
              assertThat(inTrace).contains(TOPIC + " publish", TOPIC + " store", "alert log");
            });
  }

  @Test
  void writesTheConsoleAsJsonLinesWhenAskedByOneVariable() throws Exception {
    // written before Liberty's logging starts: the launcher's first line ("Launching ...") and
    // warnings of the JVM itself (class data sharing, seen on a loaded machine)
    List<String> lines =
        Files.readAllLines(traced.consoleLog()).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("Launching "))
            .filter(line -> !line.contains(" VM warning: "))
            .toList();

    assertThat(lines).isNotEmpty();
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(Json.createReader(new StringReader(line)).readObject())
                    .containsKeys("type", "message"));
    assertThat(lines).anyMatch(line -> line.contains("CWWKF0011I"));
  }
}
