package dev.herald.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The Liberty instances of the cluster mode (docs/decisions/0020-cluster-mode.md): the build's
 * server and {@code herald.it.instances - 1} {@link ExtraServer}s beside it, one consumer group on
 * one broker cluster and one PostgreSQL. Started once per JVM and stopped when it ends.
 *
 * <p>{@code main} is the run command's part ({@code ./mvnw -Pcluster}): it starts the extra
 * instances, prints where they answer and keeps them until Ctrl-C, then stops all of them.
 */
public final class Cluster {
  private static final Path LOG = Path.of("target", "cluster.log");
  private static final List<ExtraServer> EXTRA = new ArrayList<>();

  private Cluster() {}

  public static int size() {
    return Integer.getInteger("herald.it.instances", 3);
  }

  /** Every instance, the build's first; starts the extra ones on the first call. */
  public static synchronized List<LibertyServer> servers() throws Exception {
    start();
    List<LibertyServer> servers = new ArrayList<>();
    servers.add(new LibertyServer(LOG));
    EXTRA.forEach(extra -> servers.add(extra.server()));
    return servers;
  }

  /** Their base URIs, in the order of {@link #servers()}. */
  public static synchronized List<URI> bases() throws Exception {
    start();
    List<URI> bases = new ArrayList<>();
    bases.add(Herald.base());
    EXTRA.forEach(extra -> bases.add(extra.base()));
    return bases;
  }

  /** Waits until instance {@code index} (0: the build's) answers again after a start. */
  public static void awaitAnswering(int index) {
    if (index == 0) {
      Herald.awaitReadyAgain();
    } else {
      EXTRA.get(index - 1).awaitAnswering();
    }
  }

  private static void start() throws Exception {
    if (!EXTRA.isEmpty()) {
      return;
    }
    // three Liberty servers and three brokers on two cores start slowly
    Herald.awaitReady(Duration.ofMinutes(5));
    for (int instance = 2; instance <= size(); instance++) {
      EXTRA.add(ExtraServer.start(instance, Map.of()));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(Cluster::stopExtra, "cluster-stop"));
  }

  private static synchronized void stopExtra() {
    for (ExtraServer extra : EXTRA) {
      try {
        extra.close();
      } catch (Exception e) {
        // stopped already (a fault left it down), or the JVM is going anyway
      }
    }
  }

  public static void main(String[] args) throws Exception {
    List<URI> bases = bases();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    new LibertyServer(LOG).stop();
                  } catch (Exception e) {
                    // it was not running
                  }
                },
                "cluster-stop-first"));
    System.out.println("Herald cluster ready: " + bases + " (Ctrl-C stops it)");
    System.out.flush();
    while (true) {
      LockSupport.park();
    }
  }
}
