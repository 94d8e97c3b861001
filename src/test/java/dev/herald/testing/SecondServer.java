package dev.herald.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A second Liberty server beside the one the build started: the same installation, application,
 * Kafka and PostgreSQL, on the next HTTP port, with extra environment variables of the test's. It
 * is another instance of Herald as an operator would run one.
 */
public final class SecondServer implements AutoCloseable {
  public static final String NAME = "herald-second";

  private final Path wlp = Path.of(System.getProperty("herald.it.liberty.dir"));
  private final Path dir = wlp.resolve("usr/servers/" + NAME);
  private final int port = Integer.getInteger("microshed_http_port", 9080) + 1;
  private final Path log = dir.resolveSibling(NAME + "-commands.log");

  /** Creates and starts it; returns once it answers API calls. */
  public static SecondServer start(Map<String, String> environment) throws Exception {
    SecondServer server = new SecondServer();
    server.create(environment);
    try {
      LibertyServer.run(server.log, server.wlp.resolve("bin/server").toString(), "start", NAME);
      server.awaitReady();
    } catch (Exception | AssertionError e) {
      try {
        server.close(); // a slow start must not leave it running for the next test
      } catch (Exception stop) {
        e.addSuppressed(stop);
      }
      throw e;
    }
    return server;
  }

  public URI base() {
    return URI.create("http://localhost:" + port + "/");
  }

  private void create(Map<String, String> environment) throws IOException {
    Path first =
        wlp.resolve("usr/servers/" + System.getProperty("herald.it.liberty.server", "herald"));
    Files.createDirectories(dir.resolve("apps"));
    Files.copy(
        first.resolve("server.xml"),
        dir.resolve("server.xml"),
        StandardCopyOption.REPLACE_EXISTING);
    try (var apps = Files.list(first.resolve("apps"))) {
      for (Path app : (Iterable<Path>) apps::iterator) {
        Files.copy(
            app,
            dir.resolve("apps").resolve(app.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    StringBuilder env = new StringBuilder(Files.readString(first.resolve("server.env")));
    environment.forEach((name, value) -> env.append('\n').append(name).append('=').append(value));
    Files.writeString(dir.resolve("server.env"), env.append('\n'));
    Files.writeString(
        dir.resolve("bootstrap.properties"),
        "http.port=" + port + "\nhttps.port=" + (port + 1000) + "\n");
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest probe =
        HttpRequest.newBuilder(base().resolve("api/inbox/counts"))
            .timeout(Duration.ofSeconds(5))
            .build();
    // generous: on a shared, loaded machine a Liberty start has taken 6 minutes
    Awaitility.await(NAME + " answering on " + base())
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401);
  }

  @Override
  public void close() throws Exception {
    LibertyServer.run(log, wlp.resolve("bin/server").toString(), "stop", NAME);
  }
}
