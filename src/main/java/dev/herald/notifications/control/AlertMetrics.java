package dev.herald.notifications.control;

import dev.herald.platform.GaugeFamily;
import dev.herald.platform.MetricsRefresh;
import dev.herald.platform.SchemaMigrated;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code herald_alerts_total{channel,outcome}}: alerts as their outcomes are recorded (sent,
 * failed, pending for a retry, skipped, deferred), counted when the recording commits; {@code
 * herald_outbox_backlog{channel,status}}: alerts waiting (pending, deferred) or being sent right
 * now under a lease (sending).
 */
@ApplicationScoped
public class AlertMetrics {
  static final List<String> OUTCOMES = List.of("sent", "failed", "pending", "skipped", "deferred");
  private static final List<String> WAITING = List.of("pending", "deferred", "sending");
  private static final String BACKLOG =
      "select channel, case when claimed_until > now() then 'sending' else status end, count(*)"
          + " from notifications where status in ('pending', 'deferred') group by 1, 2";
  private static final Metadata ALERTS =
      Metadata.builder()
          .withName("herald.alerts")
          .withDescription("Alert outcomes recorded, by channel and outcome")
          .build();

  /** One alert's outcome, as written to its notification row. */
  record Recorded(String channel, String outcome) {}

  @Resource TransactionSynchronizationRegistry transactions;
  @Inject MetricRegistry registry;
  @Inject MetricsRefresh refresh;
  @Inject Instance<NotificationChannel> channels;

  // the registry validates every tag on each lookup: the benchmark's profile found it costly
  private final Map<Recorded, Counter> counters = new ConcurrentHashMap<>();

  void start(@Observes SchemaMigrated migrated) {
    GaugeFamily backlog =
        new GaugeFamily(
            registry,
            "herald.outbox.backlog",
            "Alerts in the outbox not yet ended, by channel and status",
            "channel",
            "status");
    for (NotificationChannel channel : channels) {
      WAITING.forEach(status -> backlog.set(0, channel.name(), status));
      OUTCOMES.forEach(outcome -> counted(channel.name(), outcome, 0));
    }
    refresh.every("outbox backlog", () -> backlog.replaceAll(refresh.counts(BACKLOG)));
  }

  /**
   * Counts outcomes written in the current transaction once it has committed: a rolled-back one
   * recorded nothing.
   */
  void afterCommit(List<Recorded> recorded) {
    if (!recorded.isEmpty()) {
      transactions.registerInterposedSynchronization(new AfterCommit(() -> counted(recorded)));
    }
  }

  void counted(List<Recorded> recorded) {
    recorded.stream()
        .collect(Collectors.groupingBy(r -> r, Collectors.counting()))
        .forEach((r, n) -> counted(r.channel(), r.outcome(), n));
  }

  private void counted(String channel, String outcome, long n) {
    counters
        .computeIfAbsent(
            new Recorded(channel, outcome),
            r -> registry.counter(ALERTS, new Tag("channel", channel), new Tag("outcome", outcome)))
        .inc(n);
  }
}
