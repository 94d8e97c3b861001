package dev.herald.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herald.testing.ExtraServer;
import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance started while PostgreSQL is down waits for it and serves once it is back. Before, its
 * persistence unit needed a connection to boot, the application failed to start, and the server
 * answered 404 to everything until someone restarted it (the cluster fault suite found this).
 */
class StartWithoutDatabaseIT {
  final Services services = new Services();

  @BeforeAll
  static void onlyWithTheDatabaseThisBuildStarted() {
    assumeTrue(
        Boolean.getBoolean("herald.faults.breakable"),
        "the build uses an external broker or database (KAFKA_BOOTSTRAP_SERVERS or DB_URL is set),"
            + " which the fault suite must not stop");
    assertThat(new Services().local())
        .as("pid files of the broker and PostgreSQL this build started")
        .isTrue();
  }

  @Test
  void anInstanceStartedDuringADatabaseOutageServesOnceTheDatabaseIsBack() throws Exception {
    Herald.awaitReady();
    services.stopDatabaseImmediately();
    try (ExtraServer second = ExtraServer.launch(2, Map.of(), Set.of())) {
      await("the second instance waiting for PostgreSQL")
          .atMost(Duration.ofMinutes(6))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> waitingForTheDatabase(second));
      Reply started =
          await("the second instance's HTTP port")
              .atMost(Duration.ofMinutes(2))
              .ignoreExceptions()
              .until(() -> Herald.anonymous().at(second.base()).get("health/started"), r -> true);
      assertThat(started.status()).as("its startup probe while waiting").isEqualTo(503);
      services.release("postgres");
      services.awaitDatabase();

      second.awaitAnswering();
      String alice = Users.unique("alice");
      String bob = Users.unique("bob");
      Reply sent =
          Herald.as(alice)
              .at(second.base())
              .post("api/messages", Requests.send(List.of(bob), "after the outage"));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
      String id = sent.json().getString("id");
      await("the message readable on the second instance")
          .atMost(Duration.ofSeconds(60))
          .until(() -> Herald.as(bob).at(second.base()).get("api/messages/" + id).status() == 200);
      assertThat(Herald.anonymous().at(second.base()).get("health/started").status())
          .isEqualTo(200);
    } finally {
      services.release("postgres");
    }
  }

  /** Flyway's retry warning: the application is up to its migration and the database refuses. */
  static boolean waitingForTheDatabase(ExtraServer server) throws Exception {
    return Files.exists(server.messagesLog())
        && Files.readString(server.messagesLog()).contains("Retrying in");
  }
}
