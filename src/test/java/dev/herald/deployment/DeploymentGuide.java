package dev.herald.deployment;

import dev.herald.testing.LibertyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * README's "Deploying to an existing Open Liberty server", run as written: its bash blocks, with
 * bash, on the Open Liberty runtime the build unpacked (system property herald.it.deploy.dir), with
 * the README's placeholders as environment variables. The server it creates is "herald" in that
 * installation, a different one from the build's.
 */
final class DeploymentGuide implements AutoCloseable {
  static final String SECTION = "Deploying to an existing Open Liberty server";

  final Path dir = Path.of(System.getProperty("herald.it.deploy.dir"));
  final Path wlp = dir.resolve("wlp");
  final Path server = wlp.resolve("usr/servers/herald");
  private final Path log = dir.resolve("guide-commands.log");

  /** The installation as unpacked: Liberty writes servers, shared resources and caches in usr/. */
  static DeploymentGuide onFreshRuntime() throws IOException {
    DeploymentGuide guide = new DeploymentGuide();
    guide.delete(guide.wlp.resolve("usr"));
    return guide;
  }

  /** Runs the README's commands with these values; returns once they ended (server started). */
  void follow(Map<String, String> values) throws Exception {
    Path project = Path.of(System.getProperty("herald.it.project.dir"));
    String script = ReadmeSection.of(project.resolve("README.md"), SECTION).bash();
    Files.writeString(log, "--- README commands:\n" + script);
    Map<String, String> environment = new HashMap<>(values);
    environment.put("WLP_DIR", wlp.toString());
    environment.put("HERALD_DIR", project.toString());
    ProcessBuilder bash =
        new ProcessBuilder(List.of("bash", "-euo", "pipefail", "-c", script))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    bash.environment().putAll(environment);
    Process process = bash.start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("README's commands failed; see " + log);
    }
  }

  String messagesLog() throws IOException {
    Path messages = server.resolve("logs/messages.log");
    return Files.exists(messages) ? Files.readString(messages) : "";
  }

  @Override
  public void close() throws Exception {
    if (Files.exists(server)) {
      LibertyServer.run(log, wlp.resolve("bin/server").toString(), "stop", "herald");
    }
  }

  private void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }
}
