package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.ExtraServer;
import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at the same moment on an empty database, as a Deployment's pods are: both
 * come up, and the schema is migrated once. Flyway holds a PostgreSQL advisory lock around each
 * migration and re-reads its history table under it, so the instance that waited finds the work
 * done.
 */
class SimultaneousStartIT {
  static final Pattern APPLIED = Pattern.compile("Schema at version \\S+ \\((\\d+) migrations");

  @Test
  void twoInstancesStartingTogetherOnAnEmptyDatabaseBothComeUpAndMigrateItOnce() throws Exception {
    Herald.awaitReady();
    String database = "herald_start_" + UUID.randomUUID().toString().replace("-", "");
    LogDatabase.update("create database " + database);
    String url = System.getProperty("herald.it.db.url").replaceFirst("/[^/]+$", "/" + database);
    Map<String, String> environment =
        Map.of(
            "DB_URL", url,
            // they must not join the build's consumer group: an idle topic and a group of their own
            "MP_MESSAGING_INCOMING_MESSAGES_IN_TOPIC", "herald.it.empty-database-idle",
            "MP_MESSAGING_INCOMING_MESSAGES_IN_GROUP_ID", "herald-it-empty-database");
    CompletableFuture<ExtraServer> a = start(2, environment);
    CompletableFuture<ExtraServer> b = start(3, environment);
    try {
      List<ExtraServer> servers = List.of(a.get(), b.get());

      for (ExtraServer server : servers) {
        assertThat(statusOf(server.base().resolve("health/ready"))).isEqualTo(200);
      }
      long files = migrationFiles();
      assertThat(servers.stream().mapToLong(SimultaneousStartIT::applied))
          .as("migrations each instance applied")
          .containsExactlyInAnyOrder(files, 0L);
      try (Connection connection = DriverManager.getConnection(url, user(), password());
          Statement query = connection.createStatement();
          ResultSet history =
              query.executeQuery(
                  "select count(*), count(distinct version), bool_and(success)"
                      + " from flyway_schema_history where version is not null")) {
        history.next();
        assertThat(history.getLong(1)).as("history rows").isEqualTo(files);
        assertThat(history.getLong(2)).as("distinct versions").isEqualTo(files);
        assertThat(history.getBoolean(3)).as("all succeeded").isTrue();
      }
    } finally {
      // also the other one when a start failed: it may still be coming up (a start that failed
      // stopped its own server)
      for (CompletableFuture<ExtraServer> server : List.of(a, b)) {
        ExtraServer started = server.exceptionally(e -> null).join();
        if (started != null) {
          started.close();
        }
      }
      LogDatabase.update("drop database if exists " + database + " with (force)");
    }
  }

  static CompletableFuture<ExtraServer> start(int instance, Map<String, String> environment) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return ExtraServer.start(instance, environment);
          } catch (Exception e) {
            throw new IllegalStateException("instance " + instance + " did not start", e);
          }
        });
  }

  /** What the instance logged: "Schema at version V (N migrations applied)". */
  static long applied(ExtraServer server) {
    try (Stream<String> lines = Files.lines(server.messagesLog())) {
      return lines
          .map(APPLIED::matcher)
          .filter(Matcher::find)
          .mapToLong(m -> Long.parseLong(m.group(1)))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no schema line in " + server.messagesLog()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static long migrationFiles() throws java.io.IOException {
    try (Stream<Path> files = Files.list(Path.of("db-migrations"))) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
  }

  static int statusOf(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  static String user() {
    return System.getProperty("herald.it.db.user");
  }

  static String password() {
    return System.getProperty("herald.it.db.password");
  }
}
