package dev.herald.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server of the build's installation (system property herald.it.liberty.dir): the one the
 * build started, or another by name. Stop, start, kill and its process, for the fault suites and
 * the benchmark.
 */
public final class LibertyServer {
  private final Path wlp = Path.of(System.getProperty("herald.it.liberty.dir"));
  private final String server;
  private final Path log;

  /** The build's server. Commands' output goes to {@code log}, never to this JVM's stdout. */
  public LibertyServer(Path log) {
    this(log, System.getProperty("herald.it.liberty.server", "herald"));
  }

  public LibertyServer(Path log, String server) {
    this.log = log;
    this.server = server;
  }

  public String name() {
    return server;
  }

  /**
   * Stops it gracefully; a `server stop` that gave up waiting is followed until the JVM ends. A
   * server that is not running is stopped already (`server stop` then exits with 1).
   */
  public void stop() throws Exception {
    Optional<ProcessHandle> running = process();
    try {
      run(log, wlp.resolve("bin/server").toString(), "stop", server);
    } catch (IllegalStateException slowOrNotRunning) {
      if (running.isEmpty()) {
        return;
      }
    }
    if (running.isPresent()) {
      running.get().onExit().get(3, TimeUnit.MINUTES);
    }
  }

  /**
   * Starts it; only the build's server is waited for here (others: their caller waits). On a loaded
   * machine `server start` may give up waiting while the server is still starting: a JVM that runs
   * is then left to its callers' wait for readiness.
   */
  public void start() throws Exception {
    try {
      run(log, wlp.resolve("bin/server").toString(), "start", server);
    } catch (IllegalStateException slow) {
      if (process().isEmpty()) {
        throw slow;
      }
    }
    if (server.equals(System.getProperty("herald.it.liberty.server", "herald"))) {
      Herald.awaitReadyAgain();
    }
  }

  public void kill() throws Exception {
    ProcessHandle liberty = process().orElseThrow(() -> new IllegalStateException("no Liberty"));
    liberty.destroyForcibly();
    liberty.onExit().get(30, TimeUnit.SECONDS);
  }

  /** The server's JVM: from the pid file `server start` writes, else by its command line. */
  public Optional<ProcessHandle> process() throws IOException {
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

  /**
   * Runs a command to its end (at most 6 minutes: a loaded machine), appending its output to {@code
   * log}.
   */
  public static void run(Path log, String... command) throws Exception {
    Process process =
        new ProcessBuilder(List.of(command))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(6, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }
}
