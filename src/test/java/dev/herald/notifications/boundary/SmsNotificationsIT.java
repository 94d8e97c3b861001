package dev.herald.notifications.boundary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.notifications.Alerts;
import dev.herald.notifications.SmsGateway;
import dev.herald.notifications.SmsGateway.Request;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** SMS alerts as a real HTTP gateway receives them, verified the way the README tells gateways. */
@MicroShedTest
class SmsNotificationsIT {
  static final String SECRET = System.getProperty("herald.it.sms.secret");

  @BeforeAll
  static void gatewayUp() {
    SmsGateway.start();
  }

  static String phone() {
    return "+8210" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  static String smsUser(String phone) {
    String user = Users.unique("sms");
    Alerts.preferVerified(user, "{\"channels\":[\"sms\"],\"phone\":\"" + phone + "\"}");
    return user;
  }

  /** What a gateway does: recompute the HMAC over "timestamp.body", compare, check the window. */
  static boolean verifies(Request request) throws Exception {
    long timestamp = Long.parseLong(request.timestamp());
    if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(UTF_8), "HmacSHA256"));
    String expected =
        "sha256="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal((request.timestamp() + "." + request.body()).getBytes(UTF_8)));
    return MessageDigest.isEqual(expected.getBytes(UTF_8), request.signature().getBytes(UTF_8));
  }

  static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  @Test
  void postsASignedWebhookThatTheGatewayVerifies() throws Exception {
    String phone = phone();
    String recipient = smsUser(phone);
    String text = "🎉".repeat(200);
    String message =
        Alerts.send(Users.unique("sender"), recipient, Requests.send(List.of(recipient), text));

    JsonObject alert = Alerts.awaitStatus(recipient, message, "sent");
    List<Request> requests = SmsGateway.requestsTo(phone);
    assertThat(requests).hasSize(1);
    Request request = requests.get(0);
    assertThat(verifies(request)).as("signature of %s", request).isTrue();
    Request tampered =
        new Request(
            request.body().replace(phone, "+10000000000"),
            request.timestamp(),
            request.signature(),
            200);
    assertThat(verifies(tampered)).isFalse();
    JsonObject body = json(request.body());
    assertThat(body.getString("to")).isEqualTo(phone);
    assertThat(body.getString("notificationId")).isEqualTo(alert.getString("id"));
    String sms = body.getString("text");
    assertThat(sms.codePointCount(0, sms.length())).isEqualTo(160);
    assertThat(sms).endsWith("🎉…").doesNotContain("\uFFFD");
    assertThat(alert.getString("providerMessageId")).startsWith("gw-");
  }

  @Test
  void retriesServerErrorsAndSendsExactlyOnceWhenTheGatewayAccepts() {
    String phone = phone();
    String recipient = smsUser(phone);
    SmsGateway.script(phone, 500, 500, 500, 200);
    String message = Alerts.send(Users.unique("sender"), recipient);

    JsonObject alert = Alerts.awaitStatus(recipient, message, "sent");
    assertThat(alert.getInt("attempts")).isEqualTo(4);
    List<Request> requests = SmsGateway.requestsTo(phone);
    assertThat(requests).extracting(Request::answered).containsExactly(500, 500, 500, 200);
    assertThat(requests.stream().map(r -> json(r.body()).getString("notificationId")).distinct())
        .containsExactly(alert.getString("id"));
  }

  @Test
  void honoursRetryAfterOfA429() {
    String phone = phone();
    String recipient = smsUser(phone);
    SmsGateway.script(phone, 429, 200);
    String message = Alerts.send(Users.unique("sender"), recipient);

    Alerts.awaitStatus(recipient, message, "sent");
    List<Request> requests = SmsGateway.requestsTo(phone);
    assertThat(requests).extracting(Request::answered).containsExactly(429, 200);
    long waited =
        Long.parseLong(requests.get(1).timestamp()) - Long.parseLong(requests.get(0).timestamp());
    assertThat(waited).as("seconds between the 429 and the retry").isGreaterThanOrEqualTo(1);
  }

  @Test
  void failsWithoutRetryWhenTheGatewayRefusesTheText() {
    String phone = phone();
    String recipient = smsUser(phone);
    SmsGateway.script(phone, 400);
    String message = Alerts.send(Users.unique("sender"), recipient);

    JsonObject alert = Alerts.awaitStatus(recipient, message, "failed");
    assertThat(alert.getInt("attempts")).isEqualTo(1);
    assertThat(alert.getString("lastError")).contains("400");
    await().during(Duration.ofSeconds(2)).until(() -> SmsGateway.requestsTo(phone).size() == 1);
  }
}
