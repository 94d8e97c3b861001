package dev.herald.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.faults.ReliabilityRow;
import dev.herald.faults.Services;
import dev.herald.notifications.SmsGateway;
import dev.herald.testing.Cluster;
import dev.herald.testing.LibertyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster fault suite (docs/reliability.md): steady sends spread over three instances while a
 * broker, an instance or PostgreSQL crashes, and while all instances restart one after the other;
 * then every answer checked against the database. Short by default, full with -Pfaults.
 */
// five rolling restarts are fifteen Liberty starts, each minutes long under load on two cores
@Timeout(value = 150, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {
  static final Duration OUTAGE = Duration.ofSeconds(5);
  static final List<ReliabilityRow> ROWS = Collections.synchronizedList(new ArrayList<>());

  final Services services = new Services();

  @BeforeAll
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  static void onlyOnTheClusterThisBuildStarted() throws Exception {
    Services.assumeOurs();
    assertThat(Cluster.servers()).as("Liberty instances").hasSize(3);
    SmsGateway.start();
  }

  static void assertPromisesKept(ReliabilityRow row) {
    ROWS.add(row);
    assertThat(row.accepted()).as("sends accepted").isPositive();
    assertThat(row.lost()).as("202s not stored").isZero();
    assertThat(row.duplicated()).as("sends stored twice").isZero();
    assertThat(row.incomplete()).as("messages missing deliveries").isZero();
    assertThat(row.refusedButStored()).as("refused sends stored anyway").isZero();
    assertThat(row.orderViolations()).as("sends stored before one accepted earlier").isZero();
    // how long it took is reported (reliability.md), not asserted: it measures the machine too
    assertThat(row.recoverySeconds()).as("seconds from the fault to the next 202").isFinite();
  }

  @Test
  @Order(1)
  void keepsEveryPromiseWhenTheBrokerLeadingMostPartitionsIsKilled() throws Exception {
    assertPromisesKept(
        new ClusterLoad(ClusterLoad.RATE)
            .run(
                "Kafka: kill -9 the broker leading most partitions",
                repetition -> {
                  String broker = Leaders.busiestBroker();
                  long pid = services.pid(broker);
                  services.killBroker(broker);
                  ClusterLoad.keepSending(OUTAGE);
                  services.release(broker);
                  services.awaitRestarted(broker, pid);
                }));
  }

  @Test
  @Order(2)
  void keepsEveryPromiseWhenAnInstanceIsKilled() throws Exception {
    assertPromisesKept(
        new ClusterLoad(ClusterLoad.RESTART_RATE)
            .run(
                "Liberty: kill -9 one instance, start it",
                repetition -> {
                  int index = repetition % Cluster.size();
                  LibertyServer instance = Cluster.servers().get(index);
                  instance.kill();
                  ClusterLoad.keepSending(OUTAGE);
                  instance.start();
                  Cluster.awaitAnswering(index);
                }));
  }

  @Test
  @Order(3)
  void keepsEveryPromiseWhenPostgresStopsImmediately() throws Exception {
    assertPromisesKept(
        new ClusterLoad(ClusterLoad.RATE)
            .run(
                "PostgreSQL: immediate shutdown, restart",
                repetition -> {
                  services.stopDatabaseImmediately();
                  ClusterLoad.keepSending(OUTAGE);
                  services.release("postgres");
                  services.awaitDatabase();
                }));
  }

  @Test
  @Order(4)
  void keepsEveryPromiseThroughARollingRestart() throws Exception {
    assertPromisesKept(
        new ClusterLoad(ClusterLoad.RESTART_RATE)
            .run(
                "Liberty: rolling graceful restart of all three",
                repetition -> {
                  List<LibertyServer> instances = Cluster.servers();
                  for (int index = 0; index < instances.size(); index++) {
                    instances.get(index).stop();
                    instances.get(index).start();
                    Cluster.awaitAnswering(index);
                  }
                }));
  }

  @AfterAll
  static void writeTable() throws Exception {
    ReliabilityRow.write(
        Path.of("target", "reliability-cluster.md"),
        String.format(
            "%d sends/s offered (%d/s for the faults that restart Liberty; each row names its"
                + " rate) over %d connections to %d instances, %d s steady before and after"
                + " each fault, each fault %d time(s).",
            ClusterLoad.RATE,
            ClusterLoad.RESTART_RATE,
            ClusterLoad.CONNECTIONS,
            Cluster.size(),
            ClusterLoad.STEADY.toSeconds(),
            ClusterLoad.REPEATS),
        "the fault",
        ROWS);
  }
}
