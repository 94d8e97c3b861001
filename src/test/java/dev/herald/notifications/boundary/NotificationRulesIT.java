package dev.herald.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notifications.Alerts;
import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** Preferences deciding alerts, on the log channel (the default). */
@MicroShedTest
class NotificationRulesIT {
  static final String SEOUL = "Asia/Seoul";

  @Test
  void alertsThroughTheLogChannelWithoutPreferences() {
    String recipient = Users.unique("plain");
    String message = Alerts.send(Users.unique("sender"), recipient);

    JsonObject alert = Alerts.awaitStatus(recipient, message, "sent");
    assertThat(alert.getString("channel")).isEqualTo("log");
    assertThat(alert.getInt("attempts")).isEqualTo(1);
  }

  @Test
  void defersAlertsDuringQuietHoursToTheirEnd() {
    String recipient = Users.unique("quiet");
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of(SEOUL)).truncatedTo(ChronoUnit.MINUTES);
    LocalTime start = now.minusHours(1).toLocalTime();
    LocalTime end = now.plusHours(2).toLocalTime();
    Alerts.prefer(recipient, quietHours(start, end));
    String message = Alerts.send(Users.unique("sender"), recipient);

    JsonObject alert = Alerts.awaitStatus(recipient, message, "deferred");
    Instant expected = now.plusHours(2).toInstant();
    assertThat(Instant.parse(alert.getString("nextAttemptAt"))).isEqualTo(expected);
    assertThat(alert.getString("lastError")).isEqualTo("quiet hours");
  }

  @Test
  void skipsAlertsOfMutedConversations() {
    String recipient = Users.unique("mute");
    String sender = Users.unique("sender");
    Alerts.prefer(
        recipient,
        "{\"channels\":[\"log\"],\"mutedConversationIds\":[\"muted-" + recipient + "\"]}");
    String muted =
        Alerts.send(
            sender,
            recipient,
            Requests.message(List.of(recipient), "muted")
                .add("conversationId", "muted-" + recipient)
                .build()
                .toString());
    String other = Alerts.send(sender, recipient);

    Alerts.awaitStatus(recipient, other, "sent");
    JsonObject alert = Alerts.awaitStatus(recipient, muted, "skipped");
    assertThat(alert.getString("lastError")).isEqualTo("conversation muted");
    assertThat(alert.getInt("attempts")).isZero();
  }

  @Test
  void skipsAlertsOfMessagesReadBeforeTheAlertWasDue() {
    String recipient = Users.unique("reader");
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of(SEOUL)).truncatedTo(ChronoUnit.MINUTES);
    Alerts.prefer(
        recipient, quietHours(now.minusHours(1).toLocalTime(), now.plusHours(1).toLocalTime()));
    String message = Alerts.send(Users.unique("sender"), recipient);
    Alerts.awaitStatus(recipient, message, "deferred");

    Reply read = Herald.as(recipient).post("api/inbox/" + message + "/read");
    assertThat(read.status()).as(read.toString()).isEqualTo(204);
    // quiet hours end now: the deferred alert is decided again
    Alerts.prefer(recipient, "{\"channels\":[\"log\"]}");

    JsonObject alert = Alerts.awaitStatus(recipient, message, "skipped");
    assertThat(alert.getString("lastError")).isEqualTo("read before the alert was due");
    assertThat(alert.getInt("attempts")).isZero();
  }

  @Test
  void listsNoAlertsOfAnotherUser() {
    String recipient = Users.unique("owner");
    String outsider = Users.unique("outsider");
    String message = Alerts.send(Users.unique("sender"), recipient);
    Alerts.awaitStatus(recipient, message, "sent");

    assertThat(Alerts.of(outsider, message)).isEmpty();
    Reply all = Herald.as(outsider).get("api/notifications");
    assertThat(all.json().getJsonArray("items")).isEmpty();
  }

  @Test
  void pagesThroughTheCallersAlertsNewestFirst() {
    String recipient = Users.unique("pages");
    String sender = Users.unique("sender");
    String first = Alerts.send(sender, recipient);
    String second = Alerts.send(sender, recipient);
    Alerts.awaitStatus(recipient, first, "sent");
    Alerts.awaitStatus(recipient, second, "sent");

    Reply page = Herald.as(recipient).get("api/notifications?limit=1");
    assertThat(page.json().getJsonArray("items")).hasSize(1);
    String cursor = page.json().getString("nextCursor");
    Reply next = Herald.as(recipient).get("api/notifications?limit=1&cursor=" + cursor);
    assertThat(next.json().getJsonArray("items")).hasSize(1);
    assertThat(next.json().containsKey("nextCursor")).isFalse();
    List<String> messages =
        List.of(
            page.json().getJsonArray("items").getJsonObject(0).getString("messageId"),
            next.json().getJsonArray("items").getJsonObject(0).getString("messageId"));
    assertThat(messages).containsExactlyInAnyOrder(first, second);
  }

  static String quietHours(LocalTime start, LocalTime end) {
    return "{\"channels\":[\"log\"],\"quietHours\":{\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"timeZone\":\""
        + SEOUL
        + "\"}}";
  }
}
