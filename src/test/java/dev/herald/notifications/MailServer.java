package dev.herald.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.herald.notifications.control.EmailChannel;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server Herald's email channel is configured with in the build (herald.it.smtp.port):
 * GreenMail, in this JVM, started once for all ITs; the outage test stops and starts it.
 */
public final class MailServer {
  private static final int PORT = Integer.getInteger("herald.it.smtp.port", 3025);
  private static GreenMail server;

  private MailServer() {}

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Every alert (not verification codes) received for this address so far. */
  public static synchronized List<MimeMessage> receivedFor(String address) {
    return allFor(address).stream().filter(m -> !isCode(m)).toList();
  }

  /** The verification codes received for this address so far, oldest first. */
  public static synchronized List<String> codesFor(String address) {
    return allFor(address).stream().filter(MailServer::isCode).map(MailServer::code).toList();
  }

  private static List<MimeMessage> allFor(String address) {
    if (server == null) {
      return List.of();
    }
    return Arrays.stream(server.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
  }

  private static boolean isCode(MimeMessage message) {
    try {
      return EmailChannel.CODE_SUBJECT.equals(message.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String code(MimeMessage message) {
    try {
      return Codes.in(message.getContent().toString());
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isFor(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
