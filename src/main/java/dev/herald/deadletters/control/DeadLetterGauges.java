package dev.herald.deadletters.control;

import dev.herald.deadletters.entity.RejectReason;
import dev.herald.platform.GaugeFamily;
import dev.herald.platform.MetricsRefresh;
import dev.herald.platform.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code herald_dead_letters{reason,status}}: dead letters by why they were rejected and where
 * admins are with them. Every reason and status is there from the start, at 0 until counted.
 */
@ApplicationScoped
public class DeadLetterGauges {
  private static final String COUNTS =
      "select reason, status, count(*) from rejected_records group by reason, status";

  @Inject MetricRegistry registry;
  @Inject MetricsRefresh refresh;

  void start(@Observes SchemaMigrated migrated) {
    GaugeFamily deadLetters =
        new GaugeFamily(
            registry,
            "herald.dead.letters",
            "Dead letters (records that could not become messages) by reason and status",
            "reason",
            "status");
    for (RejectReason reason : RejectReason.values()) {
      DeadLetterQueries.STATUSES.forEach(status -> deadLetters.set(0, reason.name(), status));
    }
    refresh.every("dead letter counts", () -> deadLetters.replaceAll(refresh.counts(COUNTS)));
  }
}
