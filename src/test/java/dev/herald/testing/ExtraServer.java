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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;

/**
 * Another Liberty server beside the one the build started: the same installation, application, JVM
 * options, Kafka and PostgreSQL, with extra environment variables of the caller's. Instance {@code
 * n} (2, 3, ...) is server herald-n on the build's HTTP port + n - 1 (HTTPS that + 1000). It is
 * another instance of Herald as an operator would run one. Its environment is the first server's,
 * less the variables a test unsets, plus those it sets.
 */
public final class ExtraServer implements AutoCloseable {
  private final Path wlp = Path.of(System.getProperty("herald.it.liberty.dir"));
  private final String name;
  private final Path dir;
  private final int port;
  private final Path log;

  private ExtraServer(int instance) {
    this.name = "herald-" + instance;
    this.dir = wlp.resolve("usr/servers/" + name);
    this.port = Integer.getInteger("microshed_http_port", 9080) + instance - 1;
    this.log = dir.resolveSibling(name + "-commands.log");
  }

  /** Creates and starts instance {@code n}; returns once it answers API calls. */
  public static ExtraServer start(int instance, Map<String, String> environment) throws Exception {
    return start(instance, environment, Set.of());
  }

  /** The same, without the first server's variables named in {@code unset}. */
  public static ExtraServer start(int instance, Map<String, String> environment, Set<String> unset)
      throws Exception {
    ExtraServer server = launch(instance, environment, unset);
    try {
      server.awaitAnswering();
    } catch (Exception | AssertionError notStarted) {
      // never leave a half-started server behind: nobody else knows of it
      try {
        server.server().stop();
      } catch (Exception alsoFailed) {
        notStarted.addSuppressed(alsoFailed);
      }
      throw notStarted;
    }
    return server;
  }

  /** Creates and starts it, without waiting for the application (which may refuse to start). */
  public static ExtraServer launch(int instance, Map<String, String> environment, Set<String> unset)
      throws Exception {
    ExtraServer server = new ExtraServer(instance);
    server.create(environment, unset);
    try {
      server.server().start();
    } catch (Exception | AssertionError notStarted) {
      server.server().stop();
      throw notStarted;
    }
    return server;
  }

  /** What the server wrote to its console (standard out and error) since it was started. */
  public Path consoleLog() {
    return dir.resolve("logs/console.log");
  }

  /** Its messages.log, where the server and the application log. */
  public Path messagesLog() {
    return dir.resolve("logs/messages.log");
  }

  public URI base() {
    return URI.create("http://localhost:" + port + "/");
  }

  public String name() {
    return name;
  }

  /** Its start, stop and kill, as for the build's server. */
  public LibertyServer server() {
    return new LibertyServer(log, name);
  }

  private void create(Map<String, String> environment, Set<String> unset) throws IOException {
    Path first =
        wlp.resolve("usr/servers/" + System.getProperty("herald.it.liberty.server", "herald"));
    Files.createDirectories(dir.resolve("apps"));
    Files.deleteIfExists(consoleLog());
    for (String file : new String[] {"server.xml", "jvm.options"}) {
      if (Files.exists(first.resolve(file))) {
        Files.copy(first.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
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
    environment.forEach((key, value) -> env.append(key).append('=').append(value).append('\n'));
    Files.writeString(dir.resolve("server.env"), env);
    Files.writeString(dir.resolve("bootstrap.properties"), bootstrap(first));
  }

  /** The first server's bootstrap properties (its host: localhost in development) on our ports. */
  private String bootstrap(Path first) throws IOException {
    StringBuilder properties = new StringBuilder();
    Path given = first.resolve("bootstrap.properties");
    for (String line : Files.exists(given) ? Files.readAllLines(given) : List.<String>of()) {
      if (!line.startsWith("http.port=") && !line.startsWith("https.port=")) {
        properties.append(line).append('\n');
      }
    }
    return properties
        .append("http.port=")
        .append(port)
        .append('\n')
        .append("https.port=")
        .append(port + 1000)
        .append('\n')
        .toString();
  }

  /** Until it answers an API call (401 without a token): its application is up. */
  public void awaitAnswering() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest probe =
        HttpRequest.newBuilder(base().resolve("api/inbox/counts"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Awaitility.await(name + " answering on " + base())
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401);
  }

  @Override
  public void close() throws Exception {
    server().stop();
  }
}
