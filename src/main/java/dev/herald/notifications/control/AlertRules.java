package dev.herald.notifications.control;

import dev.herald.notifications.entity.Claimed;
import dev.herald.notifications.entity.Contact;
import dev.herald.notifications.entity.Preferences;
import java.time.Instant;

/**
 * Whether a due alert goes out now, is held, or is dropped, by the recipient's preferences as they
 * are when it is due (not when the message arrived).
 */
public final class AlertRules {
  /** What to do with a due alert. */
  public sealed interface Decision {}

  public record Send() implements Decision {}

  public record Skip(String reason) implements Decision {}

  public record Defer(Instant until, String reason) implements Decision {}

  private AlertRules() {}

  public static Decision decide(Claimed alert, NotificationChannel channel, Instant now) {
    Preferences preferences = alert.preferences();
    if (channel == null) {
      return new Skip("no such channel: " + alert.channel());
    }
    if (alert.read()) {
      return new Skip("read before the alert was due");
    }
    if (preferences.mutedConversationIds().contains(alert.item().conversationId())) {
      return new Skip("conversation muted");
    }
    if (!preferences.channels().contains(alert.channel())) {
      return new Skip("channel disabled");
    }
    if (channel.address(alert.recipient(), preferences).isEmpty()) {
      return new Skip("no address for this channel");
    }
    if (!alert.addressVerified()) {
      return new Skip(
          Contact.ofChannel(alert.channel()).map(Contact::noun).orElse("address")
              + " not verified: enter the code sent to it (preferences)");
    }
    if (preferences.quietHours() != null) {
      var end = preferences.quietHours().endAround(now);
      if (end.isPresent()) {
        return new Defer(end.get(), "quiet hours");
      }
    }
    return new Send();
  }
}
