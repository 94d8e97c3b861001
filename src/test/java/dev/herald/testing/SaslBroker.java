package dev.herald.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A second single-node KRaft broker, beside the build's, that lets in only SASL/SCRAM-SHA-512
 * clients (SASL_PLAINTEXT on loopback): the users {@value #USER} and the broker's own are created
 * when its storage is formatted ({@code --add-scram}). It runs from the class path the build's
 * local services run from (DevServices writes it down), on port herald.it.sasl-kafka.port.
 */
public final class SaslBroker implements AutoCloseable {
  public static final String USER = "herald";
  public static final String PASSWORD = "herald-sasl-test-password";
  private static final String BROKER_PASSWORD = "broker-sasl-test-password";
  public static final String MECHANISM = "SCRAM-SHA-512";

  private final Path services = Path.of(System.getProperty("herald.it.services.dir"));
  private final Path home = services.resolve("sasl-kafka");
  private final int port = Integer.getInteger("herald.it.sasl-kafka.port", 19095);
  private Process process;

  /** Warnings, and the line that says the broker is ready. */
  private static final String LOG4J =
      String.join(
          "\n",
          "rootLogger.level=WARN",
          "rootLogger.appenderRef.out.ref=out",
          "appender.out.type=Console",
          "appender.out.name=out",
          "appender.out.layout.type=PatternLayout",
          "appender.out.layout.pattern=%d{ISO8601} %-5p %c{1} - %m%n",
          "logger.ready.name=kafka.server.KafkaRaftServer",
          "logger.ready.level=INFO",
          "");

  /** Formats fresh storage, starts the broker and returns once it serves. */
  public static SaslBroker start() throws Exception {
    SaslBroker broker = new SaslBroker();
    broker.launch();
    return broker;
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** What a client needs to get in, as KAFKA_* settings (the names Herald reads). */
  public Map<String, String> clientSettings() {
    return Map.of(
        "KAFKA_SECURITY_PROTOCOL",
        "SASL_PLAINTEXT",
        "KAFKA_SASL_MECHANISM",
        MECHANISM,
        "KAFKA_SASL_JAAS_CONFIG",
        jaas(USER, PASSWORD));
  }

  /** The same as Kafka client properties, for the test's own clients. */
  public Map<String, Object> clientProperties() {
    return Map.of(
        "bootstrap.servers",
        bootstrap(),
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        MECHANISM,
        "sasl.jaas.config",
        jaas(USER, PASSWORD));
  }

  static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  private void launch() throws Exception {
    clean();
    Files.createDirectories(home.resolve("data"));
    Path config = home.resolve("server.properties");
    Files.writeString(config, serverProperties());
    Files.writeString(home.resolve("log4j2.properties"), LOG4J);
    List<String> format = java("256m");
    format.addAll(
        List.of(
            "kafka.tools.StorageTool",
            "format",
            "-t",
            Uuid.randomUuid().toString(),
            "-c",
            config.toString(),
            "--add-scram",
            MECHANISM + "=[name=" + USER + ",password=" + PASSWORD + "]",
            "--add-scram",
            MECHANISM + "=[name=broker,password=" + BROKER_PASSWORD + "]"));
    LibertyServer.run(home.resolve("format.log"), format.toArray(String[]::new));
    List<String> run = java("384m");
    run.addAll(List.of("kafka.Kafka", config.toString()));
    Path log = home.resolve("broker.log");
    process =
        new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Awaitility.await("SASL broker on " + bootstrap())
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("SASL broker exited, see " + log);
              }
              return Files.readString(log).contains("Kafka Server started");
            });
  }

  private List<String> java(String heap) throws IOException {
    String classPath = Files.readString(services.resolve("classpath")).strip();
    return new ArrayList<>(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap,
            "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
            "-cp",
            classPath));
  }

  private String serverProperties() {
    int controller = port + 1;
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controller,
        "listeners=SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=SASL_PLAINTEXT",
        "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
        "sasl.enabled.mechanisms=" + MECHANISM,
        "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
            + jaas("broker", BROKER_PASSWORD),
        "log.dirs=" + home.resolve("data"),
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  private void clean() throws IOException {
    if (Files.exists(home)) {
      try (Stream<Path> all = Files.walk(home)) {
        for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
