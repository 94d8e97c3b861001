package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notifications.Alerts;
import dev.herald.testing.Reply;
import dev.herald.testing.Scrape;
import dev.herald.testing.Users;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class MetricsIT {

  @Test
  void refusesScrapesWithoutTheMetricsUser() {
    URI metrics = Scrape.https().resolve("metrics");
    assertThat(Scrape.get(metrics, null).status()).isEqualTo(401);
    assertThat(Scrape.get(metrics, Scrape.basic(Scrape.USER, "not-the-password")).status())
        .isEqualTo(401);
    assertThat(Scrape.get(metrics, Scrape.basic("alice", "alice")).status()).isIn(401, 403);
  }

  @Test
  void sendsPlainHttpScrapesToHttps() {
    Reply plain = Scrape.get(Scrape.http().resolve("metrics"), null);

    assertThat(plain.status()).isEqualTo(302);
    assertThat(plain.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).startsWith("https:"));
  }

  @Test
  void countsSendsStoredMessagesAndAlerts() throws Exception {
    String recipient = Users.unique("counted");
    String message = Alerts.send(Users.unique("sender"), recipient);
    Alerts.awaitStatus(recipient, message, "sent");

    String metrics =
        await("the send, its storing and its alert counted")
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                Scrape::metrics,
                text ->
                    text.contains("herald_sends_total{")
                        && text.contains("herald_messages_stored_total")
                        && text.contains("herald_alerts_total{"));
    Files.writeString(Path.of("target", "metrics-sample.txt"), metrics);
    assertThat(metrics).contains("herald_sends_total{");
  }
}
