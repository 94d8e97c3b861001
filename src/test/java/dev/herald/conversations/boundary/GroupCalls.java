package dev.herald.conversations.boundary;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;

/** Group calls as a client makes them, for the conversation ITs. */
public final class GroupCalls {
  private GroupCalls() {}

  public static Reply create(String creator, String title, List<String> members) {
    return as(creator)
        .post(
            "api/conversations",
            Json.createObjectBuilder()
                .add("title", title)
                .add("members", Json.createArrayBuilder(members))
                .build()
                .toString());
  }

  /** A group made by {@code creator}, with its id. */
  static String group(String creator, String title, List<String> members) {
    Reply created = create(creator, title, members);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  static Reply add(String actor, String group, String user) {
    return as(actor)
        .post(
            "api/conversations/" + group + "/members",
            Json.createObjectBuilder().add("user", user).build().toString());
  }

  static Reply remove(String actor, String group, String user) {
    return as(actor)
        .send(
            "DELETE",
            "api/conversations/" + group + "/members/" + user,
            null,
            BodyPublishers.noBody());
  }

  static Reply sendToGroup(String sender, String group, String body, String... headers) {
    return as(sender)
        .post(
            "api/messages",
            Json.createObjectBuilder()
                .add("conversationId", group)
                .add("body", body)
                .build()
                .toString(),
            headers);
  }

  static List<String> members(Reply group) {
    return group.json().getJsonArray("members").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  static List<JsonObject> items(Reply page) {
    return page.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  /** Waits until {@code user} can read the message: it is stored and they took part in it. */
  static void awaitVisible(String user, String messageId) {
    await("message " + messageId + " visible to " + user)
        .atMost(Duration.ofSeconds(20))
        .until(() -> as(user).get("api/messages/" + messageId).status() == 200);
  }
}
