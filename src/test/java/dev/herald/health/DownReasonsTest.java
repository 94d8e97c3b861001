package dev.herald.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DownReasonsTest {
  @Test
  void answersTheStableReasonWithoutTheFailuresDetail() {
    DownReasons reasons = new DownReasons();
    SQLException failure =
        new SQLException("Connection to db.internal.example:5432 refused. Check the host.");

    String shown = reasons.logged("database", DatabaseReadiness.UNREACHABLE, failure);

    assertThat(shown).isEqualTo("the database did not answer").doesNotContain("5432", "internal");
  }
}
