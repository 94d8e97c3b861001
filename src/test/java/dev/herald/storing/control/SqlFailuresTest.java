package dev.herald.storing.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

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
}
