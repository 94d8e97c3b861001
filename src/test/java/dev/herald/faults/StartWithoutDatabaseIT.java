package dev.herald.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * An instance started while PostgreSQL is down answers 503 and waits for it, stops when asked
 * meanwhile, and serves once the database is back. Before, its persistence unit needed a connection
 * to boot, the application failed to start, and the server answered 404 to everything until someone
 * restarted it (the cluster fault suite found this).
 */
class StartWithoutDatabaseIT {
  static final String WAITING = "PostgreSQL cannot be reached; the schema migration will try again";
  final Services services = new Services();

  @BeforeAll
  static void onlyWithTheDatabaseThisBuildStarted() {
    Services.assumeOurs();
  }

  @Test
  void anInstanceStartedDuringADatabaseOutageRefusesWithRetryThenServesOnceTheDatabaseIsBack()
      throws Exception {
    Herald.awaitReady();
    String alice = Users.unique("alice");
    String bob = Users.unique("bob");
    services.stopDatabaseImmediately();
    try (ExtraServer second = ExtraServer.launch(2, Map.of(), Set.of())) {
      awaitWaitingForTheDatabase(second);
      Reply started =
          await("its startup probe, once its port is open")
              .atMost(Duration.ofMinutes(2))
              .ignoreExceptions()
              .until(() -> Herald.anonymous().at(second.base()).get("health/started"), r -> true);
      assertThat(started.status()).as("its startup probe while waiting").isEqualTo(503);
      assertThat(started.body()).contains("waiting for the database");
      Reply refused =
          Herald.as(alice)
              .at(second.base())
              .post("api/messages", Requests.send(List.of(bob), "during the outage"));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.json().getString("type")).isEqualTo("urn:herald:problem:unavailable");
      assertThat(refused.header("Retry-After")).isPresent();

      second.server().stop();
      assertThat(second.server().process()).as("the server stopped while waiting").isEmpty();

      services.release("postgres");
      services.awaitDatabase();
      second.server().start();
      second.awaitAnswering();
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

  static void awaitWaitingForTheDatabase(ExtraServer server) {
    await("the second instance waiting for PostgreSQL")
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> Files.readString(server.messagesLog()).contains(WAITING));
  }
}
