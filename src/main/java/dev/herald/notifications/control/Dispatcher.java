package dev.herald.notifications.control;

import dev.herald.notifications.control.AlertRules.Decision;
import dev.herald.notifications.entity.Claimed;
import dev.herald.platform.SchemaMigrated;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox on every instance: every poll interval it claims due alerts in batches, decides
 * each by the recipient's preferences, sends it through its channel and records the outcome.
 * Sending is at least once: a crash between a send and its record sends again after the lease, with
 * the same notification id for the receiver to drop.
 */
@ApplicationScoped
public class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Outbox outbox;
  @Inject AlertOutcomes outcomes;
  @Inject Digests digests;
  @Inject AlertSends sends;
  @Inject Instance<NotificationChannel> available;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.notifications.poll-ms", defaultValue = "1000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "herald.notifications.batch-size", defaultValue = "50")
  int batchSize;

  @Inject
  @ConfigProperty(name = "herald.notifications.lease-seconds", defaultValue = "60")
  long leaseSeconds;

  private final Map<String, NotificationChannel> channels = new HashMap<>();
  private volatile boolean stopped;

  @PostConstruct
  void findChannels() {
    for (NotificationChannel channel : available) {
      channels.put(channel.name(), channel);
    }
  }

  void start(@Observes SchemaMigrated migrated) {
    scheduler.scheduleWithFixedDelay(this::drain, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    stopped = true;
  }

  void drain() {
    try {
      List<Claimed> due;
      do {
        SendWindow window = SendWindow.beforeClaim(lease());
        due = outbox.claim(batchSize, lease());
        settle(due, window);
      } while (due.size() == batchSize && !stopped);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Claiming or recording notifications failed; will try again", e);
    }
  }

  /**
   * Dispatches a claimed batch and records the outcomes together (see {@link Settlements}). Alerts
   * still waiting when the send window closes are left to their lease: due again when it ends.
   */
  private void settle(List<Claimed> due, SendWindow window) throws SQLException {
    Settlements settled = new Settlements(lease().dividedBy(3));
    Set<UUID> done = new HashSet<>();
    for (Claimed claimed : due) {
      if (!window.open()) {
        break;
      }
      if (done.add(claimed.id())) {
        done.addAll(dispatch(claimed, settled));
      }
      if (settled.overdue()) {
        outcomes.record(settled.take());
      }
    }
    outcomes.record(settled.take());
  }

  /** Returns the ids of other alerts of the batch it settled too (members of a digest). */
  List<UUID> dispatch(Claimed claimed, Settlements settled) {
    try {
      NotificationChannel channel = channels.get(claimed.channel());
      Decision decision = AlertRules.decide(claimed, channel, clock.instant());
      if (decision instanceof AlertRules.Skip skip) {
        settled.add(List.of(claimed), Finish.skipped(skip.reason()));
      } else if (decision instanceof AlertRules.Defer defer) {
        settled.add(List.of(claimed), Finish.deferred(defer.until(), defer.reason()));
      } else if (digests.applies(claimed)) {
        // the digest claims this batch's unrecorded emails of the recipient too: record those
        // settled already, or they would be claimed and settled a second time
        outcomes.record(settled.take());
        return digests.dispatch(claimed, channel, settled);
      } else {
        sends.send(List.of(claimed), channel, AlertSends.alertOf(claimed, channel), settled);
      }
    } catch (SQLException | RuntimeException e) {
      // the lease runs out and the alert is due again
      LOG.log(Level.WARNING, "Dispatching notification " + claimed.id() + " failed", e);
    }
    return List.of();
  }

  private Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }
}
