package dev.herald.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.faults.FaultLoad.Outcome;
import dev.herald.testing.Herald;
import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite (docs/reliability.md): steady sends while the broker, PostgreSQL or Liberty crash
 * and come back, then every answer checked against the database. Sizes come from system properties
 * (faults.rate, faults.repeats, ...); the build runs a short version, {@code -Pfaults} the full
 * one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryGuaranteesIT {
  static final int RATE = Integer.getInteger("faults.rate", 100);
  static final int CONNECTIONS = Integer.getInteger("faults.connections", 8);
  static final int REPEATS = Integer.getInteger("faults.repeats", 1);
  static final Duration STEADY = Duration.ofSeconds(Integer.getInteger("faults.steady", 5));
  static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("faults.outage", 5));
  static final List<ReliabilityRow> ROWS = Collections.synchronizedList(new ArrayList<>());

  final Services services = new Services();

  @BeforeAll
  static void onlyWithTheServicesThisBuildStarted() {
    Services.assumeOurs();
  }

  /** The load runs for this long: here time is the input, not a wait for a result. */
  static void keepSending(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
  }

  static void assertReadiness(int status, Duration within) {
    await("readiness " + status)
        .atMost(within)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> Herald.anonymous().get("health/ready").status() == status);
  }

  interface Step {
    void run() throws Exception;
  }

  /** Something breaks, stays broken for a while, and is repaired; the load never stops. */
  record Fault(String name, Step breaks, Duration outage, Step repair) {}

  ReliabilityRow underLoad(Fault fault) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> senders = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      senders.add("flt-" + run + "-" + i);
      tokens.add(Herald.token(Json.createObjectBuilder().add("user", senders.get(i)).build()));
    }
    List<String> recipients = List.of("flt-" + run + "-to-a", "flt-" + run + "-to-b");
    List<Long> repairs = new ArrayList<>();
    long began = System.currentTimeMillis();
    List<Outcome> outcomes;
    try (FaultLoad load = new FaultLoad(run, tokens, recipients, RATE, CONNECTIONS)) {
      keepSending(STEADY);
      for (int i = 0; i < REPEATS; i++) {
        fault.breaks().run();
        keepSending(fault.outage());
        repairs.add(System.currentTimeMillis());
        System.out.println(
            fault.name() + ": repair starts at +" + (System.currentTimeMillis() - began) + " ms");
        fault.repair().run();
        keepSending(STEADY);
      }
      outcomes = load.stop();
    }
    Oracle.awaitDrained(Duration.ofMinutes(5));
    ReliabilityRow row = Oracle.judge(fault.name(), outcomes, repairs, Oracle.stored(senders));
    ROWS.add(row);
    System.out.println(ReliabilityRow.HEADER + "\n" + row.markdown());
    System.out.println("answers per second: " + timeline(outcomes));
    return row;
  }

  /** Seconds since the first answer → statuses answered in that second, to see an outage. */
  static java.util.Map<Long, java.util.Map<Integer, Long>> timeline(List<Outcome> outcomes) {
    long start = outcomes.stream().mapToLong(Outcome::answeredAtMillis).min().orElse(0);
    return outcomes.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                o -> (o.answeredAtMillis() - start) / 1000,
                java.util.TreeMap::new,
                java.util.stream.Collectors.groupingBy(
                    Outcome::status,
                    java.util.TreeMap::new,
                    java.util.stream.Collectors.counting())));
  }

  static void assertPromisesKept(ReliabilityRow row) {
    assertThat(row.accepted).as("sends accepted").isPositive();
    assertThat(row.lost).as("202s not stored").isZero();
    assertThat(row.duplicated).as("sends stored twice").isZero();
    assertThat(row.incomplete).as("messages missing deliveries").isZero();
    assertThat(row.refusedButStored).as("refused sends stored anyway").isZero();
    // how long it took is reported (reliability.md), not asserted: it measures the machine too
    assertThat(row.recoverySeconds).as("seconds from repair to the next 202").isFinite();
  }

  @Test
  @Order(1)
  void keepsEveryPromiseWhenTheBrokerIsKilled() throws Exception {
    assertPromisesKept(
        underLoad(
            new Fault(
                "Kafka broker: kill -9, restart",
                () -> {
                  services.killBroker();
                  assertReadiness(503, Duration.ofSeconds(10));
                },
                OUTAGE,
                () -> {
                  services.release("kafka");
                  Herald.awaitReadyAgain();
                })));
  }

  @Test
  @Order(2)
  void keepsEveryPromiseWhenPostgresStopsImmediately() throws Exception {
    ReliabilityRow row =
        underLoad(
            new Fault(
                "PostgreSQL: immediate shutdown, restart",
                () -> {
                  services.stopDatabaseImmediately();
                  assertReadiness(503, Duration.ofSeconds(10));
                },
                OUTAGE,
                () -> {
                  services.release("postgres");
                  services.awaitDatabase();
                  Herald.awaitReadyAgain();
                }));
    assertPromisesKept(row);
    assertThat(row.unavailable).as("sends refused while only the database was down").isZero();
  }

  @Test
  @Order(3)
  void keepsEveryPromiseWhenLibertyIsKilled() throws Exception {
    assertPromisesKept(
        underLoad(
            new Fault(
                "Liberty: kill -9, start", services::killLiberty, OUTAGE, services::startLiberty)));
  }

  @Test
  @Order(4)
  void keepsEveryPromiseWhenLibertyRestartsGracefully() throws Exception {
    assertPromisesKept(
        underLoad(
            new Fault(
                "Liberty: graceful stop, start",
                services::stopLiberty,
                Duration.ZERO,
                services::startLiberty)));
  }

  @AfterAll
  static void writeTable() throws Exception {
    ReliabilityRow.write(
        Path.of("target", "reliability.md"),
        String.format(
            "%d sends/s over %d connections, %d s steady before and after each fault, %d s"
                + " outage, each fault %d time(s).",
            RATE, CONNECTIONS, STEADY.toSeconds(), OUTAGE.toSeconds(), REPEATS),
        "repair",
        ROWS);
  }
}
