package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notifications.Alerts;
import dev.herald.testing.Scrape;
import dev.herald.testing.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** The provisioned Grafana dashboard asks only for metrics the running server exposes. */
@MicroShedTest
class DashboardIT {
  static final Path DASHBOARD = Path.of("src/main/docker/grafana/dashboards/herald.json");

  @Test
  void everyMetricTheDashboardQueriesIsExposed() throws IOException {
    Set<String> named = new TreeSet<>();
    for (String expr : expressions()) {
      Set<String> metrics = PromQl.metricNames(expr);
      assertThat(metrics).as("metrics named by %s", expr).isNotEmpty();
      named.addAll(metrics);
    }

    // the send path, the store, the pool and the servlets have each worked at least once
    String recipient = Users.unique("dashboard");
    Alerts.awaitStatus(recipient, Alerts.send(Users.unique("sender"), recipient), "sent");

    await("every metric of the dashboard in GET /metrics")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(PromQl.exposed(Scrape.metrics())).containsAll(named));
  }

  private static List<String> expressions() throws IOException {
    JsonObject dashboard;
    try (JsonReader reader = Json.createReader(Files.newBufferedReader(DASHBOARD))) {
      dashboard = reader.readObject();
    }
    List<String> exprs = new ArrayList<>();
    for (JsonValue panel : dashboard.getJsonArray("panels")) {
      for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
        exprs.add(target.asJsonObject().getString("expr"));
      }
    }
    assertThat(exprs).isNotEmpty();
    return exprs;
  }

  /** Just enough PromQL to tell metric names from functions, labels and keywords. */
  static final class PromQl {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS =
        Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "offset",
            "and",
            "or",
            "unless");

    static Set<String> metricNames(String expr) {
      String plain =
          expr.replaceAll("\"[^\"]*\"", "")
              .replaceAll("\\{[^}]*\\}", " ")
              .replaceAll("\\[[^]]*\\]", " ")
              .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
      Set<String> names = new TreeSet<>();
      Matcher identifier = IDENTIFIER.matcher(plain);
      while (identifier.find()) {
        String name = identifier.group();
        boolean function = plain.substring(identifier.end()).stripLeading().startsWith("(");
        if (!function && !KEYWORDS.contains(name)) {
          names.add(name);
        }
      }
      return names;
    }

    /** The names of the series in Prometheus text exposition. */
    static Set<String> exposed(String text) {
      Set<String> names = new TreeSet<>();
      text.lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .forEach(
              line -> {
                Matcher name = IDENTIFIER.matcher(line);
                if (name.lookingAt()) {
                  names.add(name.group());
                }
              });
      return names;
    }
  }
}
