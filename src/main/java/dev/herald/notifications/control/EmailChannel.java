package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.SendOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Email over SMTP with Jakarta Mail (Liberty's mail-2.1 feature). A connection or server failure is
 * retried; an address the server refuses for good is not. Users see a stable reason in the alert's
 * lastError; the server's own words (host, port, SMTP replies) go to the log. The application does
 * not start with SMTP credentials over an unencrypted connection unless that is explicitly allowed.
 */
@ApplicationScoped
public class EmailChannel implements NotificationChannel {
  public static final String CODE_SUBJECT = "Your Herald verification code";

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
  @ConfigProperty(
      name = "herald.email.link-base-url",
      defaultValue = "http://localhost:9080/messages/")
  String linkBase;

  @Inject
  @ConfigProperty(name = "herald.email.timeout-ms", defaultValue = "10000")
  int timeoutMillis;

  static final String INVALID_ADDRESS = "not a valid email address";
  static final String REFUSED = "the mail server refused the address";
  static final String NOT_TAKEN = "the mail server did not take the email";
  static final String SIGN_IN_REFUSED = "the mail server refused Herald's sign-in";
  static final String UNREACHABLE = "the mail server could not be reached";
  private static final Logger LOG = Logger.getLogger(EmailChannel.class.getName());

  private Session session;
  private InternetAddress sender;

  /** Checks the settings at start-up, not at the first alert. */
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
    session = Session.getInstance(mail);
    try {
      sender = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalStateException("herald.email.from is not an address: " + from, e);
    }
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

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Optional<String> address(String user, Preferences preferences) {
    return Optional.ofNullable(preferences.email());
  }

  @Override
  public SendOutcome send(Alert alert) {
    try {
      return transport(AlertEmail.of(session, alert, sender, linkBase));
    } catch (MessagingException e) {
      return outcome("Email alert " + alert.notificationId(), e);
    }
  }

  @Override
  public SendOutcome sendCode(String address, String text) {
    try {
      MimeMessage mail = new MimeMessage(session);
      mail.setFrom(sender);
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
      mail.setSubject(CODE_SUBJECT, "UTF-8");
      mail.setText(text, "UTF-8");
      return transport(mail);
    } catch (MessagingException e) {
      return outcome("Verification code email", e);
    }
  }

  private SendOutcome transport(MimeMessage mail) throws MessagingException {
    mail.saveChanges();
    Transport.send(mail, mail.getAllRecipients(), username.orElse(null), password.orElse(null));
    return new SendOutcome.Sent(mail.getMessageID());
  }

  /**
   * A refused address fails for good; anything else is worth another try. Users see a stable
   * reason; the server's own words go to the log.
   */
  private static SendOutcome outcome(String what, MessagingException e) {
    if (e instanceof AddressException) {
      return new SendOutcome.Failed(logged(what, INVALID_ADDRESS, e));
    }
    if (e instanceof SendFailedException refused) {
      Address[] invalid = refused.getInvalidAddresses();
      return invalid != null && invalid.length > 0
          ? new SendOutcome.Failed(logged(what, REFUSED, e))
          : SendOutcome.retry(logged(what, NOT_TAKEN, e));
    }
    if (e instanceof AuthenticationFailedException) {
      return SendOutcome.retry(logged(what, SIGN_IN_REFUSED, e));
    }
    return SendOutcome.retry(logged(what, UNREACHABLE, e));
  }

  private static String logged(String what, String reason, Exception e) {
    LOG.log(Level.WARNING, what + ": " + reason, e);
    return reason;
  }
}
