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
import java.util.function.Supplier;

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

  /**
   * Saves the preferences and confirms the email address and phone number in them, as their owner
   * would: asks for a code and sends back what arrived (MailServer, SmsGateway must be up).
   */
  public static void preferVerified(String user, String json) {
    Reply reply = putPreferences(user, json);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject saved = reply.json();
    if (saved.containsKey("email")) {
      String email = saved.getString("email");
      confirmed(user, "email", email, () -> MailServer.codesFor(email));
    }
    if (saved.containsKey("phone")) {
      String phone = saved.getString("phone");
      confirmed(user, "phone", phone, () -> SmsGateway.codesTo(phone));
    }
  }

  private static void confirmed(
      String user, String contact, String address, Supplier<List<String>> codes) {
    Reply asked = requestCode(user, contact);
    assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
    Reply confirmed = confirm(user, contact, awaitCode(address, codes));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.json().getBoolean(contact + "Verified")).isTrue();
  }

  public static Reply requestCode(String user, String contact) {
    return Herald.as(user).post("api/me/preferences/" + contact + "/code");
  }

  public static Reply confirm(String user, String contact, String code) {
    return Herald.as(user)
        .post("api/me/preferences/" + contact + "/confirmation", "{\"code\":\"" + code + "\"}");
  }

  /** The newest code that reached the address, once one did. */
  public static String awaitCode(String address, Supplier<List<String>> codes) {
    List<String> received =
        await("a code to " + address)
            .atMost(Duration.ofSeconds(30))
            .until(codes::get, list -> !list.isEmpty());
    return received.get(received.size() - 1);
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
