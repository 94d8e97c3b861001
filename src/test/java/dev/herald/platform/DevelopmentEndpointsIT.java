package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.ExtraServer;
import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The development endpoints exist only with both the switch and the key: under the production
 * configuration (neither set) one of the two, whichever, leaves every one of them a 404, the same
 * as a path that does not exist, for anonymous and authenticated callers alike. Each case is a
 * second Liberty of its own; the build's own server runs in development mode and says so.
 */
@MicroShedTest
class DevelopmentEndpointsIT {
  /** The build server's development settings: the switch, the key, the published signing keys. */
  static final Set<String> DEVELOPMENT =
      Set.of(
          "HERALD_DEV_ENDPOINTS",
          "HERALD_DEV_TOKEN_KEY",
          "HERALD_SIGNING_PREVIOUS_KEY_ID",
          "HERALD_SIGNING_PREVIOUS_SECRET");

  /** A signing key of its own: outside development mode the published ones stop the start. */
  static final Map<String, String> OWN_KEY =
      Map.of(
          "HERALD_SIGNING_KEY_ID",
          "prod-1",
          "HERALD_SIGNING_SECRET",
          "prod-" + UUID.randomUUID() + UUID.randomUUID());

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  record Call(String method, String path, String body) {}

  static final List<Call> CALLS =
      List.of(
          new Call(
              "POST", "api/dev/tokens", "{\"user\":\"mallory\",\"groups\":[\"herald-admin\"]}"),
          new Call("GET", "api/dev/clock", null),
          new Call("PUT", "api/dev/clock", "{\"offset\":\"PT2H\"}"),
          new Call("POST", "api/dev/noop-send", "{\"to\":[\"bob\"],\"body\":\"hi\"}"));

  static Stream<Arguments> productionWithOneVariable() {
    return Stream.of(
        Arguments.of(
            "HERALD_DEV_TOKEN_KEY",
            Map.of("HERALD_DEV_TOKEN_KEY", System.getProperty(Tokens.PRIVATE_KEY))),
        Arguments.of("HERALD_DEV_ENDPOINTS", Map.of("HERALD_DEV_ENDPOINTS", "true")));
  }

  @ParameterizedTest(name = "production configuration plus {0}")
  @MethodSource("productionWithOneVariable")
  void answersEveryDevelopmentEndpointLikeAPathThatDoesNotExist(
      String name, Map<String, String> variable) throws Exception {
    String token = Tokens.signed(Tokens.claims("mallory", List.of("herald-admin")));
    Map<String, String> environment = new HashMap<>(OWN_KEY);
    environment.putAll(variable);
    try (ExtraServer server = ExtraServer.start(2, environment, DEVELOPMENT)) {
      Reply absent = call(server.base(), new Call("GET", "api/dev/nothing-here", null), null);
      assertThat(absent.status()).isEqualTo(404);
      for (Call call : CALLS) {
        for (String bearer : new String[] {null, token}) {
          Reply reply = call(server.base(), call, bearer);
          assertThat(reply.status()).as(call + " with token " + (bearer != null)).isEqualTo(404);
          assertThat(reply.body()).as(call.toString()).isEqualTo(absent.body());
        }
      }
      Reply web = call(server.base(), new Call("GET", "api/web/config", null), null);
      assertThat(web.json().getString("signIn")).isNotEqualTo("dev");
      assertThat(Files.readString(server.messagesLog()))
          .doesNotContain("DEVELOPMENT ENDPOINTS ARE ON");
    }
  }

  @Test
  void warnsOnEveryStartInDevelopmentModeNamingTheEndpoints() throws Exception {
    Herald.awaitReady();
    Path log =
        Path.of(
            System.getProperty("herald.it.liberty.dir"), "usr/servers/herald/logs/messages.log");

    List<String> warnings =
        Files.readAllLines(log).stream()
            .filter(line -> line.contains("DEVELOPMENT ENDPOINTS ARE ON"))
            .toList();

    assertThat(warnings).isNotEmpty();
    assertThat(warnings.get(0))
        .contains(" W ")
        .contains("/api/dev/tokens")
        .contains("/api/dev/clock")
        .contains("/api/dev/noop-send")
        .contains("dev sign-in");
  }

  static Reply call(URI base, Call call, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(call.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                call.method(),
                call.body() == null
                    ? BodyPublishers.noBody()
                    : BodyPublishers.ofString(call.body()));
    if (call.body() != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    var response = HTTP.send(request.build(), BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.headers(), response.body());
  }
}
