package dev.herald.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Runs the refreshes of gauges that cost a query or a broker call, every {@code
 * herald.metrics.refresh-seconds}: what a scrape reads is at most that old, and any number of
 * scrapes cost nothing more. A refresh that fails leaves its gauges at their last values, so {@code
 * herald_metrics_refreshed_seconds{refresh}} shows how old they are and the log says why.
 */
@ApplicationScoped
public class MetricsRefresh {
  @Resource ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "jdbc/herald")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "herald.metrics.refresh-seconds", defaultValue = "15")
  int refreshSeconds;

  @Inject MetricRegistry registry;

  private GaugeFamily refreshed;

  /** A refresh that may fail (database or broker away): it is tried again next period. */
  public interface Refresh {
    void run() throws Exception;
  }

  @PostConstruct
  void register() {
    refreshed =
        new GaugeFamily(
            registry,
            "herald.metrics.refreshed.seconds",
            "Unix time of the last successful refresh of these gauges (0: none yet)",
            "refresh");
  }

  public void every(String what, Refresh refresh) {
    refreshed.set(0, what);
    RefreshFailures failures = new RefreshFailures(what);
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            refresh.run();
            // wall time, as Prometheus' time() it is compared with (never a shifted dev clock)
            refreshed.set(Instant.now().getEpochSecond(), what);
            failures.recovered();
          } catch (Exception e) {
            failures.failed(e);
          }
        },
        1,
        refreshSeconds,
        TimeUnit.SECONDS);
  }

  /**
   * Rows of {@code sql}: label columns first, a count last; keyed by the labels. Counting queries
   * of the feature that owns the table: read-only, no other feature's writes.
   */
  public Map<List<String>, Long> counts(String sql) throws SQLException {
    Map<List<String>, Long> counts = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      int labels = rows.getMetaData().getColumnCount() - 1;
      while (rows.next()) {
        List<String> values = new ArrayList<>(labels);
        for (int i = 1; i <= labels; i++) {
          values.add(rows.getString(i));
        }
        counts.put(values, rows.getLong(labels + 1));
      }
    }
    return counts;
  }
}
