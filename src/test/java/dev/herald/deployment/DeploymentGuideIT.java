package dev.herald.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Requests;
import dev.herald.testing.Tokens;
import dev.herald.testing.Users;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * README's deployment guide, followed literally on a freshly unpacked Open Liberty (the runtime zip
 * from Maven Central) against the build's Kafka and PostgreSQL: it works over HTTP and HTTPS,
 * starts without an error line, and a missing setting is named in the log instead of a silent 401.
 *
 * <p>Each test creates and starts a whole Liberty beside the build's one: on a loaded machine that
 * took 3 to 4 minutes, and the application another 2 to 3, hence more time than the default.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class DeploymentGuideIT {
  private static final String KEYSTORE_PASSWORD = "deployment-guide-it";
  private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\[[^]]+] \\S+ \\S+\\s+E ");

  private final int httpPort = Integer.getInteger("herald.it.deploy.http.port");
  private final int httpsPort = Integer.getInteger("herald.it.deploy.https.port");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theGuidesStepsDeployAServerThatSendsAndReadsOverHttpAndHttps() throws Exception {
    try (DeploymentGuide guide = DeploymentGuide.onFreshRuntime()) {
      Path keystore = keystore(guide.dir);
      guide.follow(settings(keystore));
      awaitStatus("/health/ready", 200);

      String alice = Users.unique("alice");
      String bob = Users.unique("bob");
      String body = "deployed by the guide " + alice;
      HttpResponse<String> sent =
          http.send(
              request("http://localhost:" + httpPort + "/api/messages", alice)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Requests.send(List.of(bob), body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

      HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
      HttpRequest inbox = request("https://localhost:" + httpsPort + "/api/inbox", bob).build();
      Awaitility.await("bob's inbox over HTTPS")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                HttpResponse<String> read = https.send(inbox, HttpResponse.BodyHandlers.ofString());
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.body()).contains(body);
              });
      assertThat(guide.messagesLog()).doesNotContainPattern(ERROR_LINE);
    }
  }

  @Test
  void aServerWithoutTheIssuersKeyNamesTheSettingAndIsNeitherStartedNorReady() throws Exception {
    try (DeploymentGuide guide = DeploymentGuide.onFreshRuntime()) {
      Map<String, String> settings = settings(keystore(guide.dir));
      settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "");
      guide.follow(settings);

      String problem = "MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set";
      String started = awaitStatus("/health/started", 503, problem);
      assertThat(started).contains("\"configuration\"");
      assertThat(awaitStatus("/health/ready", 503, problem)).contains("\"configuration\"");
      assertThat(guide.messagesLog()).containsPattern("\\s E Herald is misconfigured: " + problem);
    }
  }

  /** The README's placeholders: the build's Kafka, PostgreSQL and token key, this test's ports. */
  private Map<String, String> settings(Path keystore) {
    Path services = Path.of(System.getProperty("herald.it.services.dir"));
    Map<String, String> settings = new HashMap<>();
    settings.put("KAFKA_BOOTSTRAP_SERVERS", System.getProperty("herald.it.kafka.bootstrap"));
    settings.put("DB_URL", System.getProperty("herald.it.db.url"));
    settings.put("DB_USER", System.getProperty("herald.it.db.user"));
    settings.put("DB_PASSWORD", System.getProperty("herald.it.db.password"));
    settings.put(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", services.resolve("jwt/public.pem").toUri().toString());
    settings.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
    settings.put("MP_JWT_VERIFY_AUDIENCES", Tokens.AUDIENCE);
    // a production key of its own, so a topic and group of its own: the build's server, in the
    // same Kafka and PostgreSQL, signs with development keys this server rightly refuses
    settings.put("HERALD_SIGNING_KEY_ID", "guide-1");
    settings.put("HERALD_SIGNING_SECRET", "guide-" + UUID.randomUUID() + UUID.randomUUID());
    settings.put("HERALD_TOPIC", "herald.it.deployment-guide");
    settings.put("HERALD_CONSUMER_GROUP", "herald-it-deployment-guide");
    settings.put("METRICS_PASSWORD", "guide-metrics-" + UUID.randomUUID());
    settings.put("KEYSTORE_PATH", keystore.toString());
    settings.put("KEYSTORE_PASSWORD", KEYSTORE_PASSWORD);
    settings.put("HTTP_PORT", String.valueOf(httpPort));
    settings.put("HTTPS_PORT", String.valueOf(httpsPort));
    return settings;
  }

  /** An operator's own keystore: a certificate for localhost, made with the JDK's keytool. */
  private static Path keystore(Path dir) throws Exception {
    Path keystore = dir.resolve("herald-it.p12");
    Files.deleteIfExists(keystore);
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "herald",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                KEYSTORE_PASSWORD)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(keytool.waitFor()).as("keytool").isZero();
    return keystore;
  }

  /** Trusts exactly the certificate in that keystore, host name checked as usual. */
  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore own = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      own.load(in, KEYSTORE_PASSWORD.toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("herald", own.getCertificate("herald"));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static HttpRequest.Builder request(String uri, String user) {
    return HttpRequest.newBuilder(URI.create(uri))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + Tokens.signed(Tokens.claims(user, List.of())));
  }

  /** Waits (the server may still be starting) until the path answers status with that text. */
  private String awaitStatus(String path, int status, String... containing) {
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return Awaitility.await(path + " answering " + status)
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () -> http.send(probe, HttpResponse.BodyHandlers.ofString()),
            answer ->
                answer.statusCode() == status
                    && List.of(containing).stream().allMatch(answer.body()::contains))
        .body();
  }
}
