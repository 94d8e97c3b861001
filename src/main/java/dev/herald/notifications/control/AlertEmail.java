package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * The MIME message for an alert: plain text and HTML alternatives in UTF-8, the subject encoded per
 * RFC 2047 (so Korean and emoji survive any mail server), and the notification id as {@code
 * X-Herald-Notification-Id} and in the Message-ID, so repeats can be recognised.
 */
final class AlertEmail {
  static final String ID_HEADER = "X-Herald-Notification-Id";
  static final int SNIPPET = 140;
  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private AlertEmail() {}

  static MimeMessage of(Session session, Alert alert, InternetAddress from, String linkBase)
      throws MessagingException {
    String messageId = "<" + alert.notificationId() + "@" + domainOf(from) + ">";
    MimeMessage mail = new FixedIdMessage(session, messageId);
    mail.setFrom(from);
    mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(alert.address(), true));
    mail.setSubject(subject(alert), UTF_8);
    mail.setSentDate(new Date());
    mail.setHeader(ID_HEADER, alert.notificationId().toString());
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(part(text(alert, linkBase), "plain"));
    alternatives.addBodyPart(part(html(alert, linkBase), "html"));
    mail.setContent(alternatives);
    return mail;
  }

  static String subject(Alert alert) {
    if (alert.isDigest()) {
      return alert.items().size() + " new messages on Herald";
    }
    Alert.Item item = alert.first();
    String topic = item.subject() != null ? item.subject() : Snippets.oneLine(item.body());
    return Snippets.truncate("New message from " + item.sender() + ": " + topic, 150);
  }

  static String text(Alert alert, String linkBase) {
    StringBuilder text = new StringBuilder();
    for (Alert.Item item : alert.items()) {
      text.append("From: ").append(item.sender()).append('\n');
      if (item.subject() != null) {
        text.append("Subject: ").append(item.subject()).append('\n');
      }
      text.append('\n').append(Snippets.truncate(item.body(), SNIPPET)).append("\n\n");
      text.append("Open: ").append(linkBase).append(item.messageId()).append("\n\n");
    }
    return text.toString();
  }

  static String html(Alert alert, String linkBase) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
    for (Alert.Item item : alert.items()) {
      html.append("<div><p><strong>").append(escape(item.sender())).append("</strong>");
      if (item.subject() != null) {
        html.append(" &mdash; ").append(escape(item.subject()));
      }
      html.append("</p><p>").append(escape(Snippets.truncate(item.body(), SNIPPET))).append("</p>");
      String link = escape(linkBase + item.messageId());
      html.append("<p><a href=\"").append(link).append("\">Open the message</a></p></div>");
    }
    return html.append("</body></html>").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static MimeBodyPart part(String content, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(content, UTF_8, subtype);
    return part;
  }

  private static String domainOf(InternetAddress from) {
    String address = from.getAddress();
    int at = address.lastIndexOf('@');
    return at < 0 ? "herald" : address.substring(at + 1);
  }

  /** Jakarta Mail would replace the Message-ID on save; this one keeps ours. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
