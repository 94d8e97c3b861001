package dev.herald.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notifications.Alerts;
import dev.herald.notifications.MailServer;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * A digest window closed while another instance holds part of it. The other instance is played in
 * the database, step by step, as its transactions would leave the outbox: holding an alert in its
 * claimed batch, or sending a digest right now. Time passes the same way: the window's alerts are
 * made older than the window instead of waiting for it.
 */
@MicroShedTest
class DigestWindowsIT {
  static final String THE_ALERT = " where message_id = ?::uuid and recipient = ?";

  @BeforeAll
  static void mailServerUp() {
    MailServer.start();
  }

  /** Ten digest "minutes": half a minute in the build, longer than any step here takes. */
  static String digestUser() {
    String user = Users.unique("window");
    Alerts.preferVerified(
        user,
        "{\"channels\":[\"email\"],\"email\":\"" + address(user) + "\",\"digestMinutes\":10}");
    return user;
  }

  @Test
  void aWindowClosesInOneEmailWhenAnotherInstanceHoldsPartOfIt() throws Exception {
    String user = digestUser();
    String sender = Users.unique("sender");
    String first = Alerts.send(sender, user, Requests.send(List.of(user), "first 하나"));
    String second = Alerts.send(sender, user, Requests.send(List.of(user), "second 둘"));
    Alerts.awaitStatus(user, first, "deferred");
    Alerts.awaitStatus(user, second, "deferred");
    // another instance claimed the second alert in its batch and has not come to it yet
    LogDatabase.update(
        "update notifications set claimed_until = now() + interval '5 seconds',"
            + " next_attempt_at = now() + interval '5 seconds'"
            + THE_ALERT,
        second,
        user);
    // the window closes: both alerts are older than it, the first is due
    LogDatabase.update(
        "update notifications set created_at = created_at - interval '1 hour',"
            + " next_attempt_at = case when message_id = ?::uuid then now() else next_attempt_at end"
            + " where recipient = ?",
        first,
        user);

    JsonObject one = Alerts.awaitStatus(user, first, "sent");
    JsonObject other = Alerts.awaitStatus(user, second, "sent");

    assertThat(other.getString("providerMessageId")).isEqualTo(one.getString("providerMessageId"));
    List<MimeMessage> mails = MailServer.receivedFor(address(user));
    assertThat(mails).hasSize(1);
    assertThat(text(mails.get(0))).contains("first 하나", "second 둘");
  }

  @Test
  void anAlertArrivingWhileADigestIsBeingSentWaitsForTheNextWindow() throws Exception {
    String user = digestUser();
    String sender = Users.unique("sender");
    String early = Alerts.send(sender, user, Requests.send(List.of(user), "early"));
    Alerts.awaitStatus(user, early, "deferred");
    // another instance closed the window an hour later and is sending its digest right now
    LogDatabase.update(
        "update notifications set created_at = created_at - interval '1 hour',"
            + " claimed_until = now() + interval '1 minute',"
            + " next_attempt_at = now() + interval '1 minute', digest_id = id"
            + THE_ALERT,
        early,
        user);

    String late = Alerts.send(sender, user, Requests.send(List.of(user), "late"));

    JsonObject decided =
        await("the late alert decided")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> Alerts.of(user, late),
                a -> a.size() == 1 && Set.of("deferred", "sent").contains(status(a.get(0))))
            .get(0);
    assertThat(status(decided)).isEqualTo("deferred");
    assertThat(decided.getString("lastError")).isEqualTo("digest window");
    assertThat(MailServer.receivedFor(address(user))).isEmpty();
  }

  static String status(JsonObject alert) {
    return alert.getString("status");
  }

  static String text(MimeMessage mail) throws Exception {
    return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
  }

  static String address(String user) {
    return user + "@herald.test";
  }
}
