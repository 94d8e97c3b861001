package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Claimed;
import dev.herald.notifications.entity.SendOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * One alert sent through its channel for a group of claimed alerts (one, or a digest's members),
 * and how the send ends them: sent, failed, or pending for a retry by the retry schedule.
 */
@ApplicationScoped
public class AlertSends {
  private static final Logger LOG = Logger.getLogger(AlertSends.class.getName());

  @Inject AlertTracing tracing;
  @Inject RetrySchedule retries;
  @Inject Clock clock;

  /** The alert for one claimed notification, to the address its preferences give the channel. */
  static Alert alertOf(Claimed claimed, NotificationChannel channel) {
    String address = channel.address(claimed.recipient(), claimed.preferences()).orElseThrow();
    return new Alert(claimed.id(), claimed.recipient(), address, List.of(claimed.item()));
  }

  /** Sends one alert for the group; the same outcome holds for each member. */
  void send(List<Claimed> group, NotificationChannel channel, Alert alert, Settlements settled) {
    Claimed first = group.get(0);
    SendOutcome outcome = tracing.send(channel, alert, first.traceParent());
    Finish finish = finishOf(outcome, first.attempts() + 1, alert);
    settled.add(group, finish);
    if (!(outcome instanceof SendOutcome.Sent)) {
      LOG.info(
          () ->
              "Notification "
                  + alert.notificationId()
                  + " "
                  + finish.status()
                  + ": "
                  + finish.error());
    }
  }

  private Finish finishOf(SendOutcome outcome, int attempts, Alert alert) {
    if (outcome instanceof SendOutcome.Sent sent) {
      return Finish.sent(sent.providerMessageId(), alert.notificationId());
    }
    if (outcome instanceof SendOutcome.Failed failed) {
      return Finish.failed(failed.error());
    }
    SendOutcome.Retry retry = (SendOutcome.Retry) outcome;
    return retries
        .after(attempts, retry.notBefore())
        .map(
            wait ->
                new Finish("pending", clock.instant().plus(wait), retry.error(), null, true, null))
        .orElseGet(() -> Finish.failed(retry.error()));
  }
}
