package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notifications.entity.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogChannelTest {
  static final Alert ALERT =
      new Alert(
          UUID.randomUUID(),
          "bob",
          "bob",
          List.of(
              new Alert.Item(
                  UUID.randomUUID(),
                  "dm:alice:bob",
                  "alice",
                  "Secret subject",
                  "the secret body",
                  Instant.parse("2026-12-06T02:00:00Z"))));

  final Logger logger = Logger.getLogger(LogChannel.class.getName());
  final List<String> lines = new ArrayList<>();
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    logger.addHandler(capture);
  }

  @AfterEach
  void release() {
    logger.removeHandler(capture);
  }

  @Test
  void saysWhoAndWhichMessageButNotWhatByDefault() {
    new LogChannel().send(ALERT);

    assertThat(lines)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line)
                  .contains(
                      ALERT.notificationId().toString(),
                      ALERT.first().messageId().toString(),
                      "\"recipient\":\"bob\"",
                      "\"sender\":\"alice\"");
              assertThat(line).doesNotContain("Secret", "secret body", "subject", "snippet");
            });
  }

  @Test
  void writesSubjectAndSnippetOnlyWhenContentIsAllowed() {
    LogChannel channel = new LogChannel();
    channel.includeContent = true;

    channel.send(ALERT);

    assertThat(lines).singleElement().asString().contains("Secret subject", "the secret body");
  }
}
