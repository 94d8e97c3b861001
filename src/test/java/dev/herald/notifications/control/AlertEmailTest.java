package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notifications.entity.Alert;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertEmailTest {
  static final UUID ID = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
  static final Alert.Item ITEM =
      new Alert.Item(
          UUID.fromString("0195f3a0-0000-7000-8000-0000000000aa"),
          "dm-a-b",
          "민지",
          "점심 🍜?",
          "<script>alert(1)</script> 같이 가요",
          Instant.parse("2026-03-10T03:00:00Z"));

  MimeMessage mail(Alert alert) throws Exception {
    MimeMessage mail =
        AlertEmail.of(
            Session.getInstance(new Properties()),
            alert,
            new InternetAddress("Herald <herald@example.org>"),
            "https://herald.example.org/m/");
    mail.saveChanges();
    return mail;
  }

  @Test
  void encodesTheSubjectPerRfc2047AndCarriesTheNotificationId() throws Exception {
    MimeMessage mail = mail(new Alert(ID, "bob", "bob@example.org", List.of(ITEM)));
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    mail.writeTo(raw);
    String wire = raw.toString(java.nio.charset.StandardCharsets.US_ASCII);

    assertThat(mail.getHeader("Subject", null)).startsWith("=?UTF-8?");
    assertThat(mail.getSubject()).isEqualTo("New message from 민지: 점심 🍜?");
    assertThat(mail.getHeader("X-Herald-Notification-Id", null)).isEqualTo(ID.toString());
    assertThat(mail.getMessageID()).isEqualTo("<" + ID + "@example.org>");
    assertThat(wire).doesNotContain("민지").contains("charset=UTF-8");
  }

  @Test
  void escapesMessageTextInTheHtmlPart() throws Exception {
    MimeMessage mail = mail(new Alert(ID, "bob", "bob@example.org", List.of(ITEM)));
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("&lt;script&gt;")
        .doesNotContain("<script>")
        .contains("https://herald.example.org/m/" + ITEM.messageId());
    assertThat((String) parts.getBodyPart(0).getContent()).contains("<script>alert(1)</script>");
  }

  @Test
  void namesTheCountInADigestSubject() throws Exception {
    MimeMessage mail = mail(new Alert(ID, "bob", "bob@example.org", List.of(ITEM, ITEM, ITEM)));
    assertThat(mail.getSubject()).isEqualTo("3 new messages on Herald");
  }
}
