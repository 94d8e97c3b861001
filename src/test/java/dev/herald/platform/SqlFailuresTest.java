package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlFailuresTest {

  @Test
  void dataTheDatabaseRefusesIsPermanent() {
    assertThat(SqlFailures.isPermanent(new SQLException("bad byte", "22021"))).isTrue();
    assertThat(SqlFailures.isPermanent(new PersistenceException(new SQLException("dup", "23505"))))
        .isTrue();
  }

  @Test
  void aLostConnectionIsWorthRetrying() {
    assertThat(SqlFailures.isPermanent(new SQLException("refused", "08001"))).isFalse();
    assertThat(SqlFailures.isPermanent(new SQLException("shutdown", "57P01"))).isFalse();
    assertThat(SqlFailures.isPermanent(new SQLException("deadlock", "40P01"))).isFalse();
    assertThat(SqlFailures.isPermanent(new IllegalStateException("no SQL state"))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "08001, true", // connection refused
    "08006, true", // connection lost
    "57P01, true", // administrator shut the server down
    "57P03, true", // the server is starting
    "28P01, false", // wrong password
    "3D000, false", // no such database
    "42P01, false", // no such table
  })
  void waitingCuresOnlyADatabaseThatCannotBeReached(String state, boolean unreachable) {
    var failure = new RuntimeException("Unable to obtain connection", new SQLException("x", state));
    assertThat(SqlFailures.isUnreachable(failure)).isEqualTo(unreachable);
  }

  @Test
  void aRefusedSocketWithoutSqlStateIsUnreachable() {
    assertThat(SqlFailures.isUnreachable(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
    assertThat(SqlFailures.isUnreachable(new IllegalStateException("a bug"))).isFalse();
  }
}
