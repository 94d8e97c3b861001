package dev.herald.faults;

import static org.awaitility.Awaitility.await;

import dev.herald.testing.LibertyServer;
import dev.herald.testing.LogDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Breaks and restores what Herald runs on: the broker(s) and PostgreSQL started by src/dev (whose
 * supervisor restarts a dead service unless a hold-NAME file says to keep it down), and the Liberty
 * server the build started.
 */
public final class Services {
  private final Path services = Path.of(System.getProperty("herald.it.services.dir"));
  private static final Path LOG = Path.of("target", "faults.log");
  private final LibertyServer liberty = new LibertyServer(LOG);

  /**
   * Skips a fault test unless this build started Kafka and PostgreSQL itself: the external-kafka
   * and external-db profiles set herald.faults.breakable false, and those services are not ours to
   * kill.
   */
  public static void assumeOurs() {
    Assumptions.assumeTrue(
        Boolean.getBoolean("herald.faults.breakable"),
        "the build uses an external broker or database (KAFKA_BOOTSTRAP_SERVERS or DB_URL is set),"
            + " which the fault suite must not kill");
    Assertions.assertThat(new Services().local())
        .as("pid files of the broker and PostgreSQL this build started")
        .isTrue();
  }

  /** Whether this build started Kafka and PostgreSQL itself (not the external-* profiles). */
  public boolean local() {
    return (Files.exists(services.resolve("kafka.pid"))
            || Files.exists(services.resolve("kafka-1.pid")))
        && Files.exists(services.resolve("postgres.pid"));
  }

  void killBroker() throws Exception {
    killBroker("kafka");
  }

  /** Kills a broker by its service name (kafka alone, kafka-N in a cluster) and holds it down. */
  public void killBroker(String name) throws Exception {
    hold(name);
    signal("KILL", pid(name));
  }

  /** PostgreSQL's immediate shutdown: no checkpoint, crash recovery at the next start. */
  public void stopDatabaseImmediately() throws Exception {
    hold("postgres");
    signal("QUIT", pid("postgres"));
  }

  /** Lets the supervisor restart it. */
  public void release(String service) throws IOException {
    Files.deleteIfExists(services.resolve("hold-" + service));
  }

  /** Until the supervisor wrote the restarted service's pid file. */
  public void awaitRestarted(String service, long killedPid) {
    await(service + " restarted")
        .atMost(Duration.ofMinutes(2))
        .ignoreExceptions()
        .until(() -> pid(service) != killedPid);
  }

  public long pid(String service) throws IOException {
    return Long.parseLong(Files.readString(services.resolve(service + ".pid")).trim());
  }

  public void awaitDatabase() {
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

  private static void signal(String signal, long pid) throws Exception {
    run("kill", "-" + signal, Long.toString(pid));
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
  }

  private static void run(String... command) throws Exception {
    LibertyServer.run(LOG, command);
  }
}
