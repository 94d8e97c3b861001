package dev.herald.notifications.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.notifications.entity.Alert;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.SendOutcome;
import dev.herald.platform.JsonMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SMS through a gateway's webhook: a signed JSON POST (see WebhookSignature). 2xx is sent; 429 and
 * 5xx and timeouts are retried (429 not before its Retry-After); other 4xx fail for good.
 */
@ApplicationScoped
public class SmsChannel implements NotificationChannel {
  // users see these in an alert's lastError; the gateway's address and errors go to the log
  static final String NOT_CONFIGURED = "SMS sending is not configured on this server";
  static final String UNREACHABLE = "the SMS gateway could not be reached";
  private static final Logger LOG = Logger.getLogger(SmsChannel.class.getName());

  @Inject
  @ConfigProperty(name = "herald.sms.gateway-url")
  Optional<String> gateway;

  @Inject
  @ConfigProperty(name = "herald.sms.secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "herald.sms.max-length", defaultValue = "160")
  int maxLength;

  @Inject
  @ConfigProperty(name = "herald.sms.timeout-ms", defaultValue = "5000")
  int timeoutMillis;

  @Inject Clock clock;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public String name() {
    return "sms";
  }

  @Override
  public Optional<String> address(String user, Preferences preferences) {
    return Optional.ofNullable(preferences.phone());
  }

  @Override
  public SendOutcome send(Alert alert) {
    return post("SMS alert " + alert.notificationId(), body(alert));
  }

  /** A text of its own, marked {@code "purpose":"verification"} for the gateway. */
  @Override
  public SendOutcome sendCode(String address, String text) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("to", address);
    json.put("text", Snippets.truncate(text, maxLength));
    json.put("purpose", "verification");
    return post("Verification code SMS", json(json));
  }

  private SendOutcome post(String what, String body) {
    if (gateway.isEmpty() || secret.isEmpty()) {
      return SendOutcome.retry(NOT_CONFIGURED);
    }
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway.get()))
            .timeout(Duration.ofMillis(timeoutMillis))
            .header("Content-Type", "application/json")
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(secret.get(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return outcome(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return SendOutcome.retry(ChannelFailures.reason(LOG, what, UNREACHABLE, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendOutcome.retry("interrupted while sending");
    }
  }

  String body(Alert alert) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("to", alert.address());
    json.put("text", Snippets.truncate(text(alert), maxLength));
    json.put("notificationId", alert.notificationId().toString());
    return json(json);
  }

  private static String json(Map<String, Object> json) {
    try {
      return JsonMapping.strict().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values are always writable", e);
    }
  }

  private static String text(Alert alert) {
    Alert.Item item = alert.first();
    String topic = item.subject() != null ? item.subject() : item.body();
    return Snippets.oneLine("Herald: " + item.sender() + ": " + topic);
  }

  private SendOutcome outcome(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new SendOutcome.Sent(providerId(response.body()));
    }
    String error = "the SMS gateway answered " + status;
    if (status == 429) {
      String header = response.headers().firstValue("Retry-After").orElse(null);
      return new SendOutcome.Retry(error, RetryAfter.parse(header, clock.instant()).orElse(null));
    }
    return status >= 500 ? SendOutcome.retry(error) : new SendOutcome.Failed(error);
  }

  /** The gateway's id for the SMS, if it answers JSON with an "id". */
  private static String providerId(String body) {
    try {
      JsonNode id = JsonMapping.strict().readTree(body).get("id");
      return id != null && id.isValueNode() ? Snippets.truncate(id.asText(), 200) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
