package dev.herald.web;

import dev.herald.testing.Herald;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Whether the server has the live stream (GET /api/stream) the live browser tests need. */
final class LiveStream {
  private LiveStream() {}

  private static volatile Integer status;

  /** Skips the calling test, saying why, when the server answers the stream with 404. */
  static void assumeAvailable() {
    if (status == null) {
      status = status(dev.herald.testing.Users.unique("probe"));
      if (status == 404) {
        System.out.println(
            "[WARNING] live browser tests skipped: this server has no GET /api/stream (404)");
      }
    }
    Assumptions.assumeTrue(status != 404, "this server has no GET /api/stream (404)");
  }

  /** The stream's status for {@code user}: only the answer's head is read, then it is closed. */
  static int status(String user) {
    String token = Herald.token(jakarta.json.Json.createObjectBuilder().add("user", user).build());
    HttpRequest request =
        HttpRequest.newBuilder(Herald.base().resolve("api/stream"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      // HTTP/1.1: the probe drops the answer's body unread, which an HTTP/2 stream would reset
      HttpResponse<InputStream> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
              .get(10, TimeUnit.SECONDS);
      response.body().close();
      return response.statusCode();
    } catch (Exception e) {
      throw new IllegalStateException("GET /api/stream failed", e);
    }
  }
}
