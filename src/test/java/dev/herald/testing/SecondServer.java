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
import java.util.Set;
import org.awaitility.Awaitility;

/**
 * A second Liberty server beside the one the build started: the same installation, application,
 * Kafka and PostgreSQL, on the next HTTP port, with extra environment variables of the test's. It
 * is another instance of Herald as an operator would run one. Its environment is the first
 * server's, less the variables a test unsets, plus those it adds.
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
    return start(environment, Set.of());
  }

  /** Creates and starts it without the first server's variables named in {@code unset}. */
  public static SecondServer start(Map<String, String> environment, Set<String> unset)
      throws Exception {
    SecondServer server = launch(NAME, 1, environment, unset);
    server.awaitReady();
    return server;
  }

  /**
   * Another one, for tests that need more than two: its own name, and the build's HTTP port plus
   * {@code portOffset} (HTTPS 1000 above that).
   */
  public static SecondServer start(String name, int portOffset, Map<String, String> environment)
      throws Exception {
    SecondServer server = launch(name, portOffset, environment, Set.of());
    server.awaitReady();
    return server;
  }

  /** Creates and starts it, without waiting for the application (which may refuse to start). */
  public static SecondServer launch(Map<String, String> environment, Set<String> unset)
      throws Exception {
    return launch(NAME, 1, environment, unset);
  }

  private static SecondServer launch(
      String name, int portOffset, Map<String, String> environment, Set<String> unset)
      throws Exception {
    SecondServer server = new SecondServer(name, portOffset);
    server.create(environment, unset);
    LibertyServer.run(server.log, server.wlp.resolve("bin/server").toString(), "start", name);
    return server;
  }

  public URI base() {
    return URI.create("http://localhost:" + port + "/");
  }

  /** Its messages.log, where the server and the application log. */
  public Path messagesLog() {
    return dir.resolve("logs/messages.log");
  }

  private void create(Map<String, String> environment, Set<String> unset) throws IOException {
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
    // the first server's variables, less those the test unsets or sets itself
    StringBuilder env = new StringBuilder();
    for (String line : Files.readAllLines(first.resolve("server.env"))) {
      String variable = line.split("=", 2)[0].trim();
      if (!unset.contains(variable) && !environment.containsKey(variable)) {
        env.append(line).append('\n');
      }
    }
    environment.forEach((variable, value) -> env.append(variable).append('=').append(value).append('\n'));
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
    // generous: on a shared, loaded machine a Liberty start has taken 6 minutes
    Awaitility.await(name + " answering on " + base())
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401);
  }

  @Override
  public void close() throws Exception {
    LibertyServer.run(log, wlp.resolve("bin/server").toString(), "stop", name);
  }
}
