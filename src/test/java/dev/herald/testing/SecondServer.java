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
  private final String name;
  private final Path dir;
  private final int port;
  private final Path log;

  private SecondServer(String name, int portOffset) {
    this.name = name;
    this.dir = wlp.resolve("usr/servers/" + name);
    this.port = Integer.getInteger("microshed_http_port", 9080) + portOffset;
    this.log = dir.resolveSibling(name + "-commands.log");
  }

  /** Creates and starts it; returns once it answers API calls. */
  public static SecondServer start(Map<String, String> environment) throws Exception {
    return start(NAME, 1, environment);
  }

  /**
   * Another one, for tests that need more than two: its own name, and the build's HTTP port plus
   * {@code portOffset} (HTTPS 1000 above that).
   */
  public static SecondServer start(String name, int portOffset, Map<String, String> environment)
      throws Exception {
    SecondServer server = new SecondServer(name, portOffset);
    server.create(environment);
    LibertyServer.run(server.log, server.wlp.resolve("bin/server").toString(), "start", name);
    server.awaitReady();
    return server;
  }

  /** Its messages.log, for what it said while starting. */
  public Path messagesLog() {
    return dir.resolve("logs/messages.log");
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
    StringBuilder env = new StringBuilder();
    // the first server's variables, less those the test sets
    Files.readAllLines(first.resolve("server.env")).stream()
        .filter(line -> !environment.containsKey(line.split("=", 2)[0].trim()))
        .forEach(line -> env.append(line).append('\n'));
    environment.forEach((name, value) -> env.append(name).append('=').append(value).append('\n'));
    Files.writeString(dir.resolve("server.env"), env);
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
    Awaitility.await(name + " answering on " + base())
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401);
  }

  /** Stops the server of that name, also one whose start was given up on. */
  public static void stop(String name) throws Exception {
    Path wlp = Path.of(System.getProperty("herald.it.liberty.dir"));
    Path log = wlp.resolve("usr/servers/" + name + "-commands.log");
    LibertyServer.run(log, wlp.resolve("bin/server").toString(), "stop", name);
  }

  @Override
  public void close() throws Exception {
    LibertyServer.run(log, wlp.resolve("bin/server").toString(), "stop", name);
  }
}
