package dev.herald.notifications.control;

import dev.herald.notifications.entity.Contact;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often verification codes may go out: not again to the same contact within the resend
 * interval, at most so many a day per user (all their contacts), and at most so many a day to one
 * address whoever asks (so many users cannot make Herald flood one stranger). Counted from the
 * codes table under the user's preferences row lock, so they hold across instances.
 */
@ApplicationScoped
public class CodeLimits {
  static final Duration DAY = Duration.ofDays(1);

  @Inject
  @ConfigProperty(name = "herald.contacts.resend-seconds", defaultValue = "60")
  long resendSeconds;

  @Inject
  @ConfigProperty(name = "herald.contacts.codes-per-user-per-day", defaultValue = "10")
  int perUser;

  @Inject
  @ConfigProperty(name = "herald.contacts.codes-per-address-per-day", defaultValue = "5")
  int perAddress;

  @Inject
  @ConfigProperty(name = "herald.contacts.code-minutes", defaultValue = "15")
  long codeMinutes;

  @Inject
  @ConfigProperty(name = "herald.contacts.max-tries", defaultValue = "5")
  int maxTries;

  Duration codeLifetime() {
    return Duration.ofMinutes(codeMinutes);
  }

  int maxTries() {
    return maxTries;
  }

  long resendSeconds() {
    return resendSeconds;
  }

  /** Answers 429 with Retry-After if no code may go to this contact now. */
  void check(Connection connection, String user, Contact contact, String address, Instant now)
      throws SQLException {
    Optional<Instant> last = CodeCounts.lastSent(connection, user, contact);
    if (last.isPresent() && last.get().plusSeconds(resendSeconds).isAfter(now)) {
      refuse(
          "A code was sent to this " + contact.noun() + " less than " + resendSeconds + " s ago.",
          last.get().plusSeconds(resendSeconds),
          now);
    }
    CodeCounts.Sent byUser = CodeCounts.byUser(connection, user, now.minus(DAY));
    if (byUser.count() >= perUser) {
      refuse("At most " + perUser + " codes a day per user.", byUser.oldest().plus(DAY), now);
    }
    CodeCounts.Sent toAddress = CodeCounts.toAddress(connection, address, now.minus(DAY));
    if (toAddress.count() >= perAddress) {
      refuse(
          "At most " + perAddress + " codes a day to one " + contact.noun() + ".",
          toAddress.oldest().plus(DAY),
          now);
    }
  }

  private static void refuse(String detail, Instant allowedAt, Instant now) {
    throw ProblemException.retryLater(
        ProblemType.VERIFICATION_RESEND_LIMITED,
        detail,
        (long) Math.ceil(Duration.between(now, allowedAt).toMillis() / 1000.0));
  }
}
