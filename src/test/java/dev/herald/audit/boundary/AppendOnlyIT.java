package dev.herald.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Users;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log stays append-only even for a buggy application: the database itself refuses to change or
 * remove messages and audit events, and to remove deliveries, for the application's own user.
 */
class AppendOnlyIT {
  static String messageId;

  @BeforeAll
  static void storeOneMessage() {
    Herald.awaitReady();
    String sender = Users.unique("append-only");
    var sent =
        Herald.as(sender)
            .post(
                "api/messages",
                Json.createObjectBuilder()
                    .add("to", Json.createArrayBuilder(List.of(Users.unique("reader"))))
                    .add("body", "kept forever")
                    .build()
                    .toString());
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    messageId = sent.json().getString("id");
    await("stored")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                LogDatabase.count("select count(*) from messages where id = ?::uuid", messageId)
                    == 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "update messages set body = 'rewritten' where id = '%s'",
        "delete from messages where id = '%s'",
        "truncate messages cascade",
        "update audit_events set actor = 'someone else' where message_id = '%s'",
        "delete from audit_events where message_id = '%s'",
        "truncate audit_events",
        "delete from deliveries where message_id = '%s'",
        "truncate deliveries cascade"
      })
  void refusesToChangeOrRemoveWhatTheLogHolds(String sql) throws SQLException {
    try (Connection connection = LogDatabase.connect();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute(String.format(sql, messageId)))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }
    assertThat(LogDatabase.count("select count(*) from messages where id = ?::uuid", messageId))
        .isEqualTo(1);
    // the message.stored event commits with the message; the recipient's notification.sent
    // event comes when the alert was dispatched, maybe not yet, so only the first is counted
    assertThat(
            LogDatabase.count(
                "select count(*) from audit_events where message_id = ?::uuid"
                    + " and action = 'message.stored'",
                messageId))
        .isEqualTo(1);
  }
}
