package dev.herald.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notifications.Alerts;
import dev.herald.notifications.SmsGateway;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An alert survives Liberty being killed after the message was stored and while the alert was being
 * sent: the outbox row stays leased, the lease runs out, and the restarted server sends it again
 * under the same notification id (at least once, the receiver de-duplicates by the id).
 */
class NotificationCrashIT {
  final Services services = new Services();

  @BeforeAll
  static void startTheGateway() {
    // only Liberty is broken here, which every build starts itself: no external-service skip
    SmsGateway.start();
  }

  @Test
  void sendsTheAlertAfterLibertyIsKilledInTheMiddleOfSendingIt() throws Exception {
    String phone = "+8219" + (10_000_000 + (int) (Math.random() * 89_999_999));
    String recipient = Users.unique("crash");
    Alerts.preferVerified(recipient, "{\"channels\":[\"sms\"],\"phone\":\"" + phone + "\"}");
    CountDownLatch release = new CountDownLatch(1);
    SmsGateway.hold(phone, release);
    String message = Alerts.send(Users.unique("sender"), recipient);

    try {
      await("the dispatcher is sending")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  LogDatabase.count(
                          "select count(*) from notifications where message_id = ?::uuid and claimed_until is not null",
                          message)
                      == 1);
      services.killLiberty();
    } finally {
      release.countDown();
    }
    services.startLiberty();

    JsonObject alert = Alerts.awaitStatus(recipient, message, "sent");
    assertThat(SmsGateway.requestsTo(phone))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.body()).contains(alert.getString("id")));
    assertThat(
            LogDatabase.count(
                "select count(*) from audit_events where action = 'notification.sent'"
                    + " and details->>'notificationId' = ?",
                alert.getString("id")))
        .isEqualTo(1);
  }
}
