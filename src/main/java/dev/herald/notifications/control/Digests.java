package dev.herald.notifications.control;

import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Claimed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most one email per digest window and user. A window opens with the oldest email alert not yet
 * sent and closes digestMinutes later; alerts due before then wait for it, and when it closes one
 * email carries every message that arrived in it and is still unread (read ones are skipped).
 * DigestClaims closes a window for one dispatcher at a time, whichever instance it runs on.
 */
@ApplicationScoped
public class Digests {
  @Inject DigestClaims claims;
  @Inject Clock clock;
  @Inject AlertSends sends;

  /** Seconds in a digest "minute": 60, smaller only to keep tests short. */
  @Inject
  @ConfigProperty(name = "herald.notifications.digest-minute-seconds", defaultValue = "60")
  long minuteSeconds;

  boolean applies(Claimed claimed) {
    return claimed.channel().equals("email") && claimed.preferences().digestMinutes() > 0;
  }

  /** Returns the ids of the other alerts it settled. */
  List<UUID> dispatch(Claimed first, NotificationChannel channel, Settlements settled)
      throws SQLException {
    Duration window = Duration.ofSeconds(first.preferences().digestMinutes() * minuteSeconds);
    DigestClaims.DigestWindow state = claims.close(first, window, clock.instant());
    if (state instanceof DigestClaims.Lost) {
      return List.of(); // in another dispatcher's digest now: it records the outcome
    }
    if (state instanceof DigestClaims.Open open) {
      settled.add(List.of(first), Finish.deferred(open.closes(), "digest window"));
      return List.of();
    }
    List<Claimed> group = new ArrayList<>(List.of(first));
    List<Claimed> read = new ArrayList<>();
    for (Claimed other : ((DigestClaims.Closed) state).others()) {
      (other.read() ? read : group).add(other);
    }
    if (!read.isEmpty()) {
      settled.add(read, Finish.skipped("read before the alert was due"));
    }
    Alert single = AlertSends.alertOf(first, channel);
    List<Alert.Item> items = group.stream().map(Claimed::item).toList();
    sends.send(
        group, channel, new Alert(first.id(), first.recipient(), single.address(), items), settled);
    List<UUID> members = new ArrayList<>();
    group.forEach(c -> members.add(c.id()));
    read.forEach(c -> members.add(c.id()));
    return members;
  }
}
