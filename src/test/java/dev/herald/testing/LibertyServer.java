package dev.herald.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Liberty server the build started (system property herald.it.liberty.dir): stop, start, kill
 * and its process, for the fault suite and the benchmark.
 */
public final class LibertyServer {
  private final Path wlp = Path.of(System.getProperty("herald.it.liberty.dir"));
  private final String server = System.getProperty("herald.it.liberty.server", "herald");
  private final Path log;

  /** Commands' output goes to {@code log}, never to this JVM's stdout (failsafe reads that). */
  public LibertyServer(Path log) {
    this.log = log;
  }

  public void stop() throws Exception {
    run(log, wlp.resolve("bin/server").toString(), "stop", server);
  }

  public void start() throws Exception {
    run(log, wlp.resolve("bin/server").toString(), "start", server);
    Herald.awaitReadyAgain();
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
