package dev.herald.faults;

import static org.awaitility.Awaitility.await;

import dev.herald.testing.LibertyServer;
import dev.herald.testing.LogDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Breaks and restores what Herald runs on: the broker and PostgreSQL started by src/dev (whose
 * supervisor restarts a dead service unless a hold-NAME file says to keep it down), and the Liberty
 * server the build started.
 */
final class Services {
  private final Path services = Path.of(System.getProperty("herald.it.services.dir"));
  private static final Path LOG = Path.of("target", "faults.log");
  private final LibertyServer liberty = new LibertyServer(LOG);

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
    liberty.kill();
  }

  void stopLiberty() throws Exception {
    liberty.stop();
  }

  void startLiberty() throws Exception {
    liberty.start();
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
    LibertyServer.run(LOG, command);
  }
}
