package dev.herald.notifications.control;

import dev.herald.notifications.entity.Contact;
import dev.herald.notifications.entity.ContactVerificationChanged;
import dev.herald.notifications.entity.NotificationPreference;
import dev.herald.notifications.entity.PreferencesAnswer;
import dev.herald.notifications.entity.SendOutcome;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Confirming that a user owns the email address or phone number they saved: a six-digit code goes
 * to it through its own channel, and alerts go to it only once the code came back (AlertRules).
 * Each step locks the user's preferences row, so steps of one user run one after another.
 */
@ApplicationScoped
public class ContactVerification {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject CodeLimits limits;
  @Inject Instance<NotificationChannel> channels;
  @Inject Event<ContactVerificationChanged> changed;
  @Inject Clock clock;

  /** Sends a new code to the saved address; nothing is kept if it cannot be sent (503). */
  @Transactional(rollbackOn = Exception.class)
  public void sendCode(String user, Contact contact) throws SQLException {
    NotificationPreference saved = em.find(NotificationPreference.class, user, LOCK);
    String address = saved == null ? null : saved.address(contact);
    if (address == null) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Save an " + contact.noun() + " in the preferences first.");
    }
    if (saved.verified(contact)) {
      throw new ProblemException(
          ProblemType.CONFLICT, "This " + contact.noun() + " is verified already.");
    }
    Instant now = clock.instant();
    String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
    try (Connection connection = dataSource.getConnection()) {
      limits.check(connection, user, contact, address, now);
      ContactCodes.insert(
          connection, user, contact, address, code, now, now.plus(limits.codeLifetime()));
    }
    fire(user, contact, "code-sent", address, Map.of());
    SendOutcome outcome = channel(contact).sendCode(address, text(code));
    if (!(outcome instanceof SendOutcome.Sent)) {
      throw ProblemException.retryLater(
          ProblemType.UNAVAILABLE,
          "The code could not be sent to this " + contact.noun() + " now; try again later.",
          30);
    }
  }

  /**
   * Confirms the contact if {@code code} is its current one. A wrong code counts as a try, kept
   * even though the answer is a problem (no rollback for ProblemException).
   */
  @Transactional(rollbackOn = Exception.class, dontRollbackOn = ProblemException.class)
  public PreferencesAnswer confirm(String user, Contact contact, String code) throws SQLException {
    NotificationPreference saved = em.find(NotificationPreference.class, user, LOCK);
    String address = saved == null ? null : saved.address(contact);
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      ContactCodes.Code current =
          ContactCodes.current(connection, user, contact)
              .filter(c -> c.address().equals(address))
              .orElseThrow(
                  () ->
                      new ProblemException(
                          ProblemType.VERIFICATION_CODE_MISSING,
                          "No code was sent to the " + contact.noun() + " saved now."));
      checkUsable(current, contact, now);
      if (!current.matches(code)) {
        ContactCodes.tried(connection, current.id());
        int left = limits.maxTries() - current.tries() - 1;
        fire(user, contact, "code-refused", address, Map.of("triesLeft", left));
        throw new ProblemException(
            ProblemType.VERIFICATION_CODE_WRONG,
            "That is not the code sent; " + left + (left == 1 ? " try" : " tries") + " left.");
      }
      ContactCodes.used(connection, current.id(), now);
    }
    saved.confirm(contact, address, now);
    fire(user, contact, "confirmed", address, Map.of());
    return saved.answer();
  }

  private void checkUsable(ContactCodes.Code current, Contact contact, Instant now) {
    if (current.tries() >= limits.maxTries()) {
      throw ProblemException.retryLater(
          ProblemType.VERIFICATION_TRIES_EXHAUSTED,
          "Too many wrong codes for this " + contact.noun() + "; request a new code.",
          limits.resendSeconds());
    }
    if (!now.isBefore(current.expiresAt())) {
      throw new ProblemException(
          ProblemType.VERIFICATION_CODE_EXPIRED, "The code has expired; request a new one.");
    }
  }

  private NotificationChannel channel(Contact contact) {
    return channels.stream()
        .filter(c -> c.name().equals(contact.channel()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no channel " + contact.channel()));
  }

  private String text(String code) {
    return "Your Herald verification code is "
        + code
        + ". It expires in "
        + limits.codeLifetime().toMinutes()
        + " minutes. If you did not ask for it, ignore this message.";
  }

  private void fire(
      String user, Contact contact, String change, String address, Map<String, ?> details) {
    changed.fire(
        new ContactVerificationChanged(user, contact, change, contact.masked(address), details));
  }

  private static final LockModeType LOCK = LockModeType.PESSIMISTIC_WRITE;
}
