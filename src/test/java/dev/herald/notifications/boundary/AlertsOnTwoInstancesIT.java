package dev.herald.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notifications.Alerts;
import dev.herald.notifications.MailServer;
import dev.herald.testing.ExtraServer;
import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Users;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances drain one outbox: a few hundred alerts fall due at the same moment and both
 * dispatchers claim them at once. Every alert reaches the mail server exactly once, and each
 * instance sent some (they sign with different From addresses).
 */
class AlertsOnTwoInstancesIT {
  static final String SECOND_FROM = "herald-second@herald.test";
  static final int USERS = 40;
  static final int MESSAGES_EACH = 5;
  static ExtraServer second;

  @BeforeAll
  static void startSecondInstance() throws Exception {
    Herald.awaitReady();
    MailServer.start();
    second =
        ExtraServer.start(
            2,
            Map.of(
                // every message is stored by the first instance; both dispatch alerts
                "MP_MESSAGING_INCOMING_MESSAGES_IN_TOPIC", "herald.it.second-instance-idle",
                "HERALD_EMAIL_FROM", "Herald second <" + SECOND_FROM + ">",
                "HERALD_NOTIFICATIONS_BATCH_SIZE", "10"));
  }

  @AfterAll
  static void stopSecondInstance() throws Exception {
    // a start that failed stopped its own server
    if (second != null) {
      second.close();
    }
  }

  @Test
  void alertsDueAtOnceAreEachSentOnceWhileBothInstancesDispatch() {
    List<String> users = IntStream.range(0, USERS).mapToObj(i -> Users.unique("both")).toList();
    users.forEach(u -> Alerts.preferVerified(u, preferences(u, quietNow())));
    // a sender per recipient: one sender's burst would reach the rate limit
    users.forEach(
        u -> {
          String sender = Users.unique("sender");
          IntStream.range(0, MESSAGES_EACH).forEach(i -> Alerts.send(sender, u));
        });
    String recipients = String.join(",", users);
    int alerts = USERS * MESSAGES_EACH;
    await("every alert held by quiet hours")
        .atMost(Duration.ofSeconds(90))
        .until(() -> count(recipients, "deferred") == alerts);
    // saving preferences without quiet hours makes each user's deferred alerts due at once (as
    // for a user): 200 alerts due within moments, for both instances to claim. (Setting them due by
    // SQL here once overrode the leases of alerts already claimed, and they were sent twice.)
    users.forEach(u -> Alerts.prefer(u, preferences(u, "")));

    await("every alert sent")
        .atMost(Duration.ofSeconds(120))
        .until(() -> count(recipients, "sent") == alerts);
    List<MimeMessage> mails =
        users.stream().flatMap(u -> MailServer.receivedFor(address(u)).stream()).toList();
    Map<String, Long> perNotification =
        mails.stream()
            .collect(
                Collectors.groupingBy(
                    m -> header(m, "X-Herald-Notification-Id"), Collectors.counting()));
    assertThat(perNotification)
        .hasSize(alerts)
        .allSatisfy((id, times) -> assertThat(times).isOne());
    Map<Boolean, Long> bySecond =
        mails.stream()
            .collect(
                Collectors.partitioningBy(
                    m -> header(m, "From").contains(SECOND_FROM), Collectors.counting()));
    assertThat(bySecond.get(true)).as("sent by the second instance").isPositive();
    assertThat(bySecond.get(false)).as("sent by the first instance").isPositive();
  }

  static long count(String recipients, String status) {
    return LogDatabase.count(
        "select count(*) from notifications where recipient = any(string_to_array(?, ','))"
            + " and status = ?",
        recipients,
        status);
  }

  /** Quiet hours from an hour ago to two hours ahead, in UTC: alerts are held until released. */
  static String quietNow() {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    return ",\"quietHours\":{\"start\":\""
        + now.minusHours(1).format(hhmm)
        + "\",\"end\":\""
        + now.plusHours(2).format(hhmm)
        + "\",\"timeZone\":\"UTC\"}";
  }

  static String preferences(String user, String more) {
    return "{\"channels\":[\"email\"],\"email\":\"" + address(user) + "\"" + more + "}";
  }

  static String address(String user) {
    return user + "@herald.test";
  }

  static String header(MimeMessage mail, String name) {
    try {
      return mail.getHeader(name, ",");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
