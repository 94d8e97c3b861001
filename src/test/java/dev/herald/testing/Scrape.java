package dev.herald.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * GET /metrics as Prometheus scrapes it: over HTTPS (Liberty's own certificate, trusted as the
 * compose file's Prometheus does: without checking it) as the metrics user, by basic
 * authentication.
 */
public final class Scrape {
  public static final String USER = "prometheus";
  private static final HttpClient HTTPS =
      HttpClient.newBuilder()
          .sslContext(trustingAnyCertificate())
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Scrape() {}

  public static URI https() {
    return URI.create("https://localhost:" + Integer.getInteger("herald.it.https.port") + "/");
  }

  public static URI http() {
    return URI.create("http://localhost:" + Integer.getInteger("microshed_http_port") + "/");
  }

  public static Reply get(URI metrics, String authorization) {
    Herald.awaitReady();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      var response = HTTPS.send(request.build(), BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The exposition text, read as the configured scrape user. */
  public static String metrics() {
    Herald.awaitReady();
    Reply reply =
        get(
            https().resolve("metrics"),
            basic(USER, System.getProperty("herald.it.metrics.password")));
    if (reply.status() != 200) {
      throw new AssertionError("GET /metrics as the scrape user: " + reply);
    }
    return reply.body();
  }

  /** The value of a metric without labels, e.g. herald_live_streams. */
  public static double value(String metric) {
    return metrics()
        .lines()
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(metric + " is not in /metrics"));
  }

  private static SSLContext trustingAnyCertificate() {
    TrustManager any =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {any}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
