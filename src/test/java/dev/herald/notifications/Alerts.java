package dev.herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;

/** What a user does and sees about alerts, over the API. */
public final class Alerts {
  private Alerts() {}

  public static Reply putPreferences(String user, String json) {
    return Herald.as(user)
        .send("PUT", "api/me/preferences", "application/json", BodyPublishers.ofString(json));
  }

  public static void prefer(String user, String json) {
    Reply reply = putPreferences(user, json);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  /** Sends and returns the message id (202 expected). */
  public static String send(String sender, String recipient, String json) {
    Reply sent = Herald.as(sender).post("api/messages", json);
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent.json().getString("id");
  }

  public static String send(String sender, String recipient) {
    return send(sender, recipient, Requests.send(List.of(recipient), "hello " + recipient));
  }

  /** The recipient's alerts for one message, as listed by the API. */
  public static List<JsonObject> of(String user, String messageId) {
    Reply reply = Herald.as(user).get("api/notifications?messageId=" + messageId);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  /** Waits until the user's one alert for the message has this status, and returns it. */
  public static JsonObject awaitStatus(String user, String messageId, String status) {
    return await("alert " + status)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> of(user, messageId),
            alerts -> alerts.size() == 1 && alerts.get(0).getString("status").equals(status))
        .get(0);
  }
}
