package dev.herald.faults;

import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Breaks and restores what Herald runs on: the broker and PostgreSQL started by src/dev (whose
 * supervisor restarts a dead service unless a hold-NAME file says to keep it down), and the Liberty
 * server the build started.
 */
final class Services {
  private final Path services = Path.of(System.getProperty("herald.it.services.dir"));
  private final Path wlp = Path.of(System.getProperty("herald.it.liberty.dir"));
  private final String server = System.getProperty("herald.it.liberty.server", "herald");

  /** Whether this build started Kafka and PostgreSQL itself (not the external-* profiles). */
  boolean local() {
    return Files.exists(services.resolve("kafka.pid"))
        && Files.exists(services.resolve("postgres.pid"));
  }

  void killBroker() throws Exception {
    hold("kafka");
    signal("KILL", pid("kafka"));
  }

  /** PostgreSQL's immediate shutdown: no checkpoint, crash recovery at the next start. */
  void stopDatabaseImmediately() throws Exception {
    hold("postgres");
    signal("QUIT", pid("postgres"));
  }

  void release(String service) throws IOException {
    Files.deleteIfExists(services.resolve("hold-" + service));
  }

  void awaitDatabase() {
    await("PostgreSQL back")
        .atMost(Duration.ofMinutes(2))
        .ignoreExceptions()
        .until(() -> LogDatabase.count("select 1") == 1);
  }

  void killLiberty() throws Exception {
    ProcessHandle liberty = liberty().orElseThrow(() -> new IllegalStateException("no Liberty"));
    liberty.destroyForcibly();
    liberty.onExit().get(30, TimeUnit.SECONDS);
  }

  void stopLiberty() throws Exception {
    run(wlp.resolve("bin/server").toString(), "stop", server);
  }

  void startLiberty() throws Exception {
    run(wlp.resolve("bin/server").toString(), "start", server);
    Herald.awaitReadyAgain();
  }

  /** The server's JVM: from the pid file `server start` writes, else by its command line. */
  private Optional<ProcessHandle> liberty() throws IOException {
    Path pidFile = wlp.resolve("usr/servers/.pid/" + server + ".pid");
    if (Files.exists(pidFile)) {
      return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
          .filter(ProcessHandle::isAlive);
    }
    String launcher = wlp.resolve("bin/tools/ws-server.jar") + " " + server;
    return ProcessHandle.allProcesses()
        .filter(p -> (p.info().commandLine().orElse("") + " ").contains(launcher + " "))
        .findFirst();
  }

  private void hold(String service) throws IOException {
    Files.writeString(services.resolve("hold-" + service), "held by the fault suite\n");
  }

  private long pid(String service) throws IOException {
    return Long.parseLong(Files.readString(services.resolve(service + ".pid")).trim());
  }

  private static void signal(String signal, long pid) throws Exception {
    run("kill", "-" + signal, Long.toString(pid));
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
  }

  private static void run(String... command) throws Exception {
    // not inheritIO(): output on the test JVM's stdout corrupts failsafe's channel
    Process process =
        new ProcessBuilder(List.of(command))
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(Path.of("target", "faults.log").toFile()))
            .start();
    if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }
}
