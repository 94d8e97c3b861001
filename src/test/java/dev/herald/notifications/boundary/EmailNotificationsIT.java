package dev.herald.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notifications.Alerts;
import dev.herald.notifications.MailServer;
import dev.herald.testing.Herald;
import dev.herald.testing.Herald.Client;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** Email alerts as a real SMTP server (GreenMail) receives them. */
@MicroShedTest
class EmailNotificationsIT {
  static final String SUBJECT = "회의 일정 🎉 확인";
  static final String BODY = "안녕하세요, 내일 회의는 10시입니다 👋 <b>not bold</b>";

  @BeforeAll
  static void mailServerUp() {
    MailServer.start();
  }

  @AfterAll
  static void mailServerStaysUp() {
    MailServer.start();
  }

  static String emailUser(String name) {
    String user = Users.unique(name);
    Alerts.preferVerified(user, "{\"channels\":[\"email\"],\"email\":\"" + address(user) + "\"}");
    return user;
  }

  /** A user who wants one email per digest window (a "minute" is a few seconds in tests). */
  static String digestUser() {
    String user = Users.unique("digest");
    Alerts.preferVerified(
        user, "{\"channels\":[\"email\"],\"email\":\"" + address(user) + "\",\"digestMinutes\":1}");
    return user;
  }

  static String address(String user) {
    return user + "@herald.test";
  }

  @Test
  void deliversAnEmailWithKoreanAndEmojiSubjectBothPartsAndTheNotificationId() throws Exception {
    String recipient = emailUser("email");
    String sender = Users.unique("sender");
    String message =
        Alerts.send(
            sender,
            recipient,
            Requests.message(List.of(recipient), BODY).add("subject", SUBJECT).build().toString());

    JsonObject alert = Alerts.awaitStatus(recipient, message, "sent");
    MimeMessage mail =
        await().until(() -> MailServer.receivedFor(address(recipient)), m -> m.size() == 1).get(0);

    assertThat(mail.getSubject()).contains(SUBJECT).contains(sender);
    assertThat(mail.getHeader("Subject", null)).startsWith("=?UTF-8?");
    assertThat(mail.getHeader("X-Herald-Notification-Id", null)).isEqualTo(alert.getString("id"));
    assertThat(mail.getMessageID()).contains(alert.getString("id"));
    assertThat(alert.getString("providerMessageId")).isEqualTo(mail.getMessageID());
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
    assertThat((String) text.getContent()).contains(BODY).contains(sender).contains(message);
    assertThat((String) html.getContent())
        .contains("안녕하세요, 내일 회의는 10시입니다 👋 &lt;b&gt;not bold&lt;/b&gt;")
        .contains("href=\"")
        .contains(message);
  }

  @Test
  void deliversAfterTheMailServerComesBack() {
    String recipient = emailUser("outage");
    MailServer.stop();
    String message;
    try {
      message = Alerts.send(Users.unique("sender"), recipient);
      await("a failed attempt")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> Alerts.of(recipient, message),
              a -> a.size() == 1 && a.get(0).getInt("attempts") >= 1);
      assertThat(Alerts.of(recipient, message).get(0).getString("status")).isEqualTo("pending");
      // what the user sees, without the server's host, port or the mail library's words
      assertThat(Alerts.of(recipient, message).get(0).getString("lastError"))
          .isEqualTo("the mail server could not be reached");
    } finally {
      MailServer.start();
    }
    JsonObject sent = Alerts.awaitStatus(recipient, message, "sent");
    assertThat(sent.getInt("attempts")).isGreaterThan(1);
    await().until(() -> MailServer.receivedFor(address(recipient)).size() == 1);
  }

  @Test
  void aDigestCarriesEveryUnreadMessageOfItsWindowInOneEmail() throws Exception {
    String recipient = digestUser();
    String sender = Users.unique("sender");
    List<String> messages =
        List.of(
            Alerts.send(sender, recipient, Requests.send(List.of(recipient), "first 하나")),
            Alerts.send(sender, recipient, Requests.send(List.of(recipient), "second 둘")),
            Alerts.send(sender, recipient, Requests.send(List.of(recipient), "third 셋")));

    List<JsonObject> sent =
        messages.stream().map(m -> Alerts.awaitStatus(recipient, m, "sent")).toList();
    Set<String> providerIds =
        sent.stream().map(a -> a.getString("providerMessageId")).collect(Collectors.toSet());
    assertThat(providerIds).hasSize(1);
    List<MimeMessage> mails = MailServer.receivedFor(address(recipient));
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("3 new messages on Herald");
    String text = (String) ((MimeMultipart) mails.get(0).getContent()).getBodyPart(0).getContent();
    assertThat(text).contains("first 하나", "second 둘", "third 셋");
    messages.forEach(m -> assertThat(text).contains(m));
  }

  @Test
  void aDigestLeavesOutAMessageReadInItsWindow() throws Exception {
    String recipient = digestUser();
    String sender = Users.unique("sender");
    // the first alert of the window starts the digest, which takes in the second
    String unread = Alerts.send(sender, recipient, Requests.send(List.of(recipient), "unread 새"));
    String read = Alerts.send(sender, recipient, Requests.send(List.of(recipient), "read 읽음"));
    Alerts.awaitStatus(recipient, read, "deferred");
    Reply marked = Herald.as(recipient).post("api/inbox/" + read + "/read");
    assertThat(marked.status()).as(marked.toString()).isEqualTo(204);

    Alerts.awaitStatus(recipient, unread, "sent");
    JsonObject skipped = Alerts.awaitStatus(recipient, read, "skipped");
    assertThat(skipped.getString("lastError")).isEqualTo("read before the alert was due");
    List<MimeMessage> mails = MailServer.receivedFor(address(recipient));
    assertThat(mails).hasSize(1);
    String text = (String) ((MimeMultipart) mails.get(0).getContent()).getBodyPart(0).getContent();
    assertThat(text).contains("unread 새", unread).doesNotContain("read 읽음", read);
    Client auditor = Herald.withRoles(Users.unique("auditor"), "herald-auditor");
    assertThat(auditActions(auditor, unread)).containsOnlyOnce("notification.sent");
    assertThat(auditActions(auditor, read)).noneMatch(action -> action.startsWith("notification."));
  }

  static List<String> auditActions(Client auditor, String messageId) {
    Reply audit = auditor.get("api/audit?messageId=" + messageId);
    assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
    return audit.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("action"))
        .toList();
  }
}
