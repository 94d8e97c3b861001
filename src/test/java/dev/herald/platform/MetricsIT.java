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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Alerts.prefer(recipient, "{\"channels\":[\"log\"]}");
    String before = Scrape.metrics();

    String message = Alerts.send(Users.unique("sender"), recipient);
    Alerts.awaitStatus(recipient, message, "sent");

    // other tests' traffic may be counted too: at least one more, not exactly one
    String after =
        await("the send, its storing and its alert counted")
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                Scrape::metrics,
                text ->
                    grew(before, text, "herald_sends_total", Map.of("outcome", "202")) >= 1
                        && grew(before, text, "herald_messages_stored_total", Map.of()) >= 1
                        && grew(before, text, "herald_alerts_total", LOG_SENT) >= 1);
    Files.writeString(Path.of("target", "metrics-sample.txt"), after);
    assertThat(grew(before, after, "herald_alerts_total", LOG_SENT)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void showsWhenEachRefreshedGaugeWasLastRefreshed() {
    long start = Instant.now().getEpochSecond();

    await("every refresh done once more since the test started")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Map<Map<String, String>, Double> refreshed =
                  series(Scrape.metrics(), "herald_metrics_refreshed_seconds");
              assertThat(refreshed.keySet())
                  .extracting(labels -> labels.get("refresh"))
                  .contains("consumer lag", "dead letter counts", "outbox backlog");
              assertThat(refreshed.values()).allMatch(seconds -> seconds >= start);
            });
  }

  static final Map<String, String> LOG_SENT = Map.of("channel", "log", "outcome", "sent");
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+).*");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** How much the series of {@code name} that carry {@code labels} grew, summed. */
  static double grew(String before, String after, String name, Map<String, String> labels) {
    return sum(after, name, labels) - sum(before, name, labels);
  }

  private static double sum(String text, String name, Map<String, String> labels) {
    return series(text, name).entrySet().stream()
        .filter(e -> e.getKey().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  /** The samples of one metric in Prometheus text, by their labels. */
  static Map<Map<String, String>, Double> series(String text, String name) {
    Map<Map<String, String>, Double> series = new HashMap<>();
    text.lines()
        .map(SAMPLE::matcher)
        .filter(sample -> sample.matches() && sample.group(1).equals(name))
        .forEach(
            sample -> series.put(labels(sample.group(3)), Double.parseDouble(sample.group(4))));
    return series;
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new HashMap<>();
    if (text != null) {
      Matcher label = LABEL.matcher(text);
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
    }
    return labels;
  }
}
