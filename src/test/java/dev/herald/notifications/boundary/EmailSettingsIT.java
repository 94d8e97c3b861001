package dev.herald.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.ExtraServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * SMTP credentials are never sent over an unencrypted connection by accident: with a user name and
 * no STARTTLS or TLS, Herald does not start, and says which setting to change.
 */
@MicroShedTest
class EmailSettingsIT {

  @Test
  void refusesToStartWithSmtpCredentialsOverPlainText() throws Exception {
    try (ExtraServer server =
        ExtraServer.launch(
            2,
            Map.of(
                "HERALD_EMAIL_USERNAME", "herald",
                "HERALD_EMAIL_PASSWORD", "secret",
                "HERALD_EMAIL_SECURITY", "none"),
            Set.of())) {
      await("the refusal in " + server.messagesLog())
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(
              () ->
                  Files.readString(server.messagesLog())
                      .contains("SMTP authentication (HERALD_EMAIL_USERNAME"));
      String log = Files.readString(server.messagesLog());
      assertThat(log)
          .contains("HERALD_EMAIL_SECURITY")
          .contains("HERALD_EMAIL_ALLOW_PLAINTEXT_AUTH");
      assertThat(log).doesNotContain("CWWKZ0001I: Application herald started");
    }
  }
}
