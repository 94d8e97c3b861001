package dev.herald.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DownReasonsTest {
  final Logger log = Logger.getLogger(DownReasons.class.getName());
  final List<LogRecord> logged = new ArrayList<>();
  final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  final DownReasons reasons = new DownReasons();
  final SQLException refused =
      new SQLException("Connection to db.internal.example:5432 refused. Check the host.");

  @BeforeEach
  void listen() {
    log.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(handler);
  }

  @Test
  void answersTheStableReasonAndLogsTheDetail() {
    String shown = reasons.logged("database", DatabaseReadiness.UNREACHABLE, refused);

    assertThat(shown).isEqualTo("the database did not answer").doesNotContain("5432", "internal");
    assertThat(logged).singleElement().extracting(LogRecord::getThrown).isSameAs(refused);
  }

  @Test
  void logsTheSameFailureOnceHoweverOftenTheProbeAsks() {
    for (int probe = 0; probe < 5; probe++) {
      reasons.logged("database", DatabaseReadiness.UNREACHABLE, refused);
    }

    assertThat(logged).hasSize(1);
  }

  @Test
  void logsAgainWhenTheFailureChangesOrComesBackAfterRecovering() {
    reasons.logged("database", DatabaseReadiness.UNREACHABLE, refused);
    reasons.logged("database", DatabaseReadiness.UNREACHABLE, new ConnectException("timed out"));
    reasons.recovered();
    reasons.logged("database", DatabaseReadiness.UNREACHABLE, new ConnectException("timed out"));

    assertThat(logged).hasSize(3);
  }
}
