package dev.herald.bench;

import dev.herald.testing.Herald;
import jakarta.json.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What every phase shares: the server and its services, the CPU meter over them, the store and
 * visibility probes, the senders' tokens and who they write to.
 */
final class Rig implements AutoCloseable {
  /** One send in ten goes to a probe recipient, spread over this many. */
  static final int PROBE_EVERY = 10;

  static final int PROBES = 4;

  final Settings settings = Settings.fromSystemProperties();
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String db = System.getProperty("herald.it.db.url");
  final String dbUser = System.getProperty("herald.it.db.user");
  final String dbPassword = System.getProperty("herald.it.db.password");
  final ServerProcess server = new ServerProcess();
  final CpuMeter cpu;
  final StoreProbe store;
  final Audience audience = Audience.of("bench-" + run + "-", 1000, PROBES, PROBE_EVERY);
  final VisibilityProbe probe;
  private final Map<String, Requests> requests = new HashMap<>();
  private List<String> senders;

  Rig() throws Exception {
    Path services = Path.of(System.getProperty("herald.it.services.dir", "target/bench-services"));
    this.cpu =
        new CpuMeter(
            List.of(
                new CpuMeter.Source(CpuUse.LIBERTY, server::pid, true),
                new CpuMeter.Source(CpuUse.POSTGRES, () -> pidFile(services, "postgres"), true),
                new CpuMeter.Source(CpuUse.BROKER, () -> pidFile(services, "kafka"), true),
                new CpuMeter.Source(
                    CpuUse.GENERATOR,
                    () -> OptionalLong.of(ProcessHandle.current().pid()),
                    false)));
    this.store = new StoreProbe(db, dbUser, dbPassword);
    this.probe = visibilityProbe();
  }

  /**
   * The live stream when the server has one (bench.visible=auto, the default, or stream), else the
   * committed deliveries (bench.visible=deliveries, or no stream).
   */
  private VisibilityProbe visibilityProbe() throws Exception {
    String choice = System.getProperty("bench.visible", "auto");
    boolean stream =
        choice.equals("stream") || (!choice.equals("deliveries") && StreamPhase.available());
    return stream ? new LiveStreams(base()) : new DeliveriesProbe(db, dbUser, dbPassword);
  }

  URI base() {
    return Herald.base();
  }

  /** The senders' tokens, made once (the dev token endpoint answers a few hundred a second). */
  List<String> senders() {
    if (senders == null) {
      senders = tokens("bench-" + run + "-s-", settings.senders());
    }
    return senders;
  }

  /** Sends to POST {@code path}: 1,000 distinct requests, built once. */
  Requests sends(String path) {
    return requests.computeIfAbsent(
        path, p -> Requests.sends(base(), base().getRawPath() + p, senders(), audience, 1000));
  }

  Generator generator(Progress progress) {
    return new Generator(base(), progress);
  }

  static List<String> tokens(String prefix, int count) {
    return tokens(IntStream.range(0, count).mapToObj(i -> prefix + i).toList());
  }

  static List<String> tokens(List<String> users) {
    return tokens(users, "tokens");
  }

  /** Dev tokens for these users, with progress lines when they take a while. */
  static List<String> tokens(List<String> users, String label) {
    Progress progress = new Progress(label, users.size(), "tokens");
    List<String> tokens = new java.util.ArrayList<>(users.size());
    for (String user : users) {
      tokens.add(Herald.token(Json.createObjectBuilder().add("user", user).build()));
      progress.update(tokens.size());
    }
    return tokens;
  }

  private static OptionalLong pidFile(Path services, String name) {
    try {
      return OptionalLong.of(
          Long.parseLong(Files.readString(services.resolve(name + ".pid")).trim()));
    } catch (Exception e) {
      return OptionalLong.empty(); // not started by this build (an external service)
    }
  }

  @Override
  public void close() throws Exception {
    probe.close();
    store.close();
  }
}
