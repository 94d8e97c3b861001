package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.SendOutcome;
import java.util.Optional;

/**
 * One way of alerting a user. Adding a channel is adding an {@code @ApplicationScoped} class that
 * implements this: the dispatcher finds it by {@link #name()}, which is also the name users enable
 * in their preferences and the value of {@code notifications.channel}.
 */
public interface NotificationChannel {
  String name();

  /** Where this user is reached on this channel, if they told us. */
  Optional<String> address(String user, Preferences preferences);

  /** Sends once; never throws for a failed send, answers what should happen next. */
  SendOutcome send(Alert alert);

  /**
   * Sends the text of a verification code to an address its owner wants alerts at (see
   * ContactVerification); channels that reach no one else have none to send.
   */
  default SendOutcome sendCode(String address, String text) {
    return new SendOutcome.Failed("the " + name() + " channel sends no codes");
  }
}
