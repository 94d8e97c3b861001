package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefreshFailuresTest {
  static final Logger LOG = Logger.getLogger(RefreshFailures.class.getName());
  final List<String> logged = new ArrayList<>();
  final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  final RefreshFailures failures = new RefreshFailures("outbox backlog");

  @BeforeEach
  void listen() {
    LOG.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    LOG.removeHandler(handler);
  }

  @Test
  void warnsOnceWhileARefreshKeepsFailingTheSameWay() {
    failures.failed(new SQLException("relation does not exist"));
    failures.failed(new SQLException("relation does not exist"));
    failures.failed(new SQLException("relation does not exist"));

    assertThat(logged)
        .containsExactly(
            "WARNING Refreshing outbox backlog failed; its gauges keep their last values until it"
                + " works");
  }

  @Test
  void warnsAgainWhenTheFailureChanges() {
    failures.failed(new SQLException("connection refused"));
    failures.failed(new SQLException("relation does not exist"));

    assertThat(logged).hasSize(2).allMatch(line -> line.startsWith("WARNING "));
  }

  @Test
  void saysOnceWhenItWorksAgainAndWarnsOfTheNextFailure() {
    failures.recovered();
    failures.failed(new SQLException("connection refused"));
    failures.recovered();
    failures.recovered();
    failures.failed(new SQLException("connection refused"));

    assertThat(logged)
        .extracting(line -> line.substring(0, line.indexOf(' ')))
        .containsExactly(Level.WARNING.getName(), Level.INFO.getName(), Level.WARNING.getName());
    assertThat(logged.get(1)).isEqualTo("INFO Refreshing outbox backlog works again");
  }
}
