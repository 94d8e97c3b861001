package dev.herald.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server Herald sends email through, checked at start-up rather than at the first alert.
 * The application does not start with SMTP credentials over an unencrypted connection unless that
 * is explicitly allowed.
 */
@ApplicationScoped
public class SmtpSettings {
  @Inject
  @ConfigProperty(name = "herald.email.host", defaultValue = "localhost")
  String host;

  @Inject
  @ConfigProperty(name = "herald.email.port", defaultValue = "1025")
  int port;

  /** none, starttls (required) or tls (implicit, usually port 465). */
  @Inject
  @ConfigProperty(name = "herald.email.security", defaultValue = "none")
  String security;

  @Inject
  @ConfigProperty(name = "herald.email.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "herald.email.password")
  Optional<String> password;

  /** Sending the SMTP password in clear text (security none) only when this says so. */
  @Inject
  @ConfigProperty(name = "herald.email.allow-plaintext-auth", defaultValue = "false")
  boolean allowPlaintextAuth;

  @Inject
  @ConfigProperty(name = "herald.email.from", defaultValue = "Herald <herald@localhost>")
  String from;

  @Inject
  @ConfigProperty(name = "herald.email.timeout-ms", defaultValue = "10000")
  int timeoutMillis;

  private Session session;
  private InternetAddress sender;

  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    sender.getAddress();
  }

  @PostConstruct
  void configure() {
    plaintextAuthRefusal(username.isPresent() || password.isPresent(), security, allowPlaintextAuth)
        .ifPresent(
            refusal -> {
              throw new IllegalStateException(refusal);
            });
    session = Session.getInstance(properties());
    try {
      sender = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalStateException("herald.email.from is not an address: " + from, e);
    }
  }

  private Properties properties() {
    Properties mail = new Properties();
    mail.put("mail.transport.protocol", "smtp");
    mail.put("mail.smtp.host", host);
    mail.put("mail.smtp.port", Integer.toString(port));
    mail.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
    mail.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
    mail.put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
    mail.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
    mail.put("mail.smtp.starttls.enable", Boolean.toString(security.equals("starttls")));
    mail.put("mail.smtp.starttls.required", Boolean.toString(security.equals("starttls")));
    mail.put("mail.smtp.ssl.enable", Boolean.toString(security.equals("tls")));
    mail.put("mail.smtp.ssl.checkserveridentity", "true");
    mail.put("mail.mime.charset", "UTF-8");
    return mail;
  }

  /** Why these settings would send the SMTP password unencrypted, if they would. */
  static Optional<String> plaintextAuthRefusal(
      boolean credentials, String security, boolean allowed) {
    if (!credentials || allowed || !"none".equals(security)) {
      return Optional.empty();
    }
    return Optional.of(
        "SMTP authentication (HERALD_EMAIL_USERNAME, HERALD_EMAIL_PASSWORD) over an unencrypted"
            + " connection: set HERALD_EMAIL_SECURITY to starttls or tls, or"
            + " HERALD_EMAIL_ALLOW_PLAINTEXT_AUTH=true to send the password in clear text");
  }

  /** A new email from Herald's sender address. */
  MimeMessage email() throws MessagingException {
    MimeMessage mail = new MimeMessage(session);
    mail.setFrom(sender);
    return mail;
  }

  Session session() {
    return session;
  }

  InternetAddress sender() {
    return sender;
  }

  /** Hands the email to the SMTP server, signed in if Herald has credentials. */
  String transport(MimeMessage mail) throws MessagingException {
    mail.saveChanges();
    Transport.send(mail, mail.getAllRecipients(), username.orElse(null), password.orElse(null));
    return mail.getMessageID();
  }
}
