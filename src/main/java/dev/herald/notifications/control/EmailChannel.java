package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Email over SMTP with Jakarta Mail (Liberty's mail-2.1 feature; the server in SmtpSettings). A
 * connection or server failure is retried; an address the server refuses for good is not.
 */
@ApplicationScoped
public class EmailChannel implements NotificationChannel {
  public static final String CODE_SUBJECT = "Your Herald verification code";
  static final String INVALID_ADDRESS = "not a valid email address";
  static final String REFUSED = "the mail server refused the address";
  static final String NOT_TAKEN = "the mail server did not take the email";
  static final String SIGN_IN_REFUSED = "the mail server refused Herald's sign-in";
  static final String UNREACHABLE = "the mail server could not be reached";
  private static final Logger LOG = Logger.getLogger(EmailChannel.class.getName());

  @Inject SmtpSettings smtp;

  @Inject
  @ConfigProperty(
      name = "herald.email.link-base-url",
      defaultValue = "http://localhost:9080/messages/")
  String linkBase;

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
      MimeMessage mail = AlertEmail.of(smtp.session(), alert, smtp.sender(), linkBase);
      return new SendOutcome.Sent(smtp.transport(mail));
    } catch (MessagingException e) {
      return outcome("Email alert " + alert.notificationId(), e);
    }
  }

  @Override
  public SendOutcome sendCode(String address, String text) {
    try {
      MimeMessage mail = smtp.email();
      mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
      mail.setSubject(CODE_SUBJECT, "UTF-8");
      mail.setText(text, "UTF-8");
      return new SendOutcome.Sent(smtp.transport(mail));
    } catch (MessagingException e) {
      return outcome("Verification code email", e);
    }
  }

  /** A refused address fails for good; anything else is worth another try. */
  private static SendOutcome outcome(String what, MessagingException e) {
    if (e instanceof AddressException) {
      return new SendOutcome.Failed(ChannelFailures.reason(LOG, what, INVALID_ADDRESS, e));
    }
    if (e instanceof SendFailedException refused) {
      Address[] invalid = refused.getInvalidAddresses();
      return invalid != null && invalid.length > 0
          ? new SendOutcome.Failed(ChannelFailures.reason(LOG, what, REFUSED, e))
          : SendOutcome.retry(ChannelFailures.reason(LOG, what, NOT_TAKEN, e));
    }
    if (e instanceof AuthenticationFailedException) {
      return SendOutcome.retry(ChannelFailures.reason(LOG, what, SIGN_IN_REFUSED, e));
    }
    return SendOutcome.retry(ChannelFailures.reason(LOG, what, UNREACHABLE, e));
  }
}
