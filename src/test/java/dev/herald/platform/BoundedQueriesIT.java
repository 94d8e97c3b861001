package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Users;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * User-facing reads end at their statement timeout with 503 query-timeout, and chain verifications
 * beyond the instance's limit are refused at once. A read is made slow deterministically: this test
 * holds an exclusive lock on the table it reads, so the read waits until its timeout cancels it (no
 * assertion on how long anything took).
 */
@MicroShedTest
class BoundedQueriesIT {
  static final String AUDITOR = "herald-auditor";

  static Stream<Arguments> reads() {
    return Stream.of(
        Arguments.of("messages", "api/messages/search?q=hello", false, 200),
        Arguments.of("messages", "api/messages", false, 200),
        // the reader never took part: 404 once it can tell
        Arguments.of("messages", "api/conversations/team-bounded/messages", false, 404),
        Arguments.of("deliveries", "api/inbox", false, 200),
        Arguments.of("audit_events", "api/audit?actor=someone", true, 200));
  }

  /** Holds an exclusive lock on {@code table} until the connection is closed. */
  static Connection locking(String table) throws SQLException {
    Connection connection = LogDatabase.connect();
    connection.setAutoCommit(false);
    try (Statement lock = connection.createStatement()) {
      lock.execute("lock table " + table + " in access exclusive mode");
    }
    return connection;
  }

  static Herald.Client client(boolean auditor) {
    String user = Users.unique("reader");
    return auditor ? Herald.withRoles(user, AUDITOR) : Herald.as(user);
  }

  @ParameterizedTest(name = "{1} while {0} is locked")
  @MethodSource("reads")
  void aReadPastItsTimeoutAnswers503QueryTimeout(
      String table, String path, boolean auditor, int unlocked) throws Exception {
    Herald.Client reader = client(auditor);
    Reply reply;
    try (Connection lock = locking(table)) {
      reply = reader.get(path);
      lock.rollback();
    }
    assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).isEqualTo("urn:herald:problem:query-timeout");
    assertThat(reply.header("Retry-After")).isPresent();
    assertThat(reader.get(path).status()).as("once the lock is gone").isEqualTo(unlocked);
  }

  @Test
  void refusesChainVerificationsBeyondTheInstancesLimitWith429() throws Exception {
    Herald.Client auditor = client(true);
    List<CompletableFuture<Reply>> running;
    try (Connection lock = locking("audit_events")) {
      // the configured limit (2) of verifications, each waiting for the lock
      running =
          List.of(
              CompletableFuture.supplyAsync(() -> auditor.get("api/audit/verify?limit=10")),
              CompletableFuture.supplyAsync(() -> auditor.get("api/audit/verify?limit=10")));
      await("both verifications wait for the lock")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  LogDatabase.count(
                          "select count(*) from pg_locks where relation = 'audit_events'::regclass"
                              + " and not granted")
                      == 2);

      Reply third = auditor.get("api/audit/verify?limit=10");
      assertThat(third.status()).as(third.toString()).isEqualTo(429);
      assertThat(third.json().getString("type"))
          .isEqualTo("urn:herald:problem:too-many-verifications");
      assertThat(third.header("Retry-After")).isPresent();
      lock.rollback();
    }
    for (CompletableFuture<Reply> verification : running) {
      assertThat(verification.get().status()).isEqualTo(200);
    }
    assertThat(auditor.get("api/audit/verify?limit=10").status()).isEqualTo(200);
  }
}
