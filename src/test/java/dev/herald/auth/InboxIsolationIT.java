package dev.herald.auth;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * A property of the whole API: for random senders, recipients and conversations, nobody can read,
 * mark, list or find in a conversation's history a message they neither sent nor received. The seed
 * is random unless -Dherald.it.seed names one; every failure states it.
 */
@MicroShedTest
class InboxIsolationIT {
  static final int USERS = 6;
  static final int ROOMS = 3;
  static final int MESSAGES = 36;

  final long seed = Long.getLong("herald.it.seed", System.nanoTime());
  final Random random = new Random(seed);
  final List<String> users =
      IntStream.range(0, USERS).mapToObj(i -> Users.unique("user" + i)).toList();
  final List<String> rooms =
      IntStream.range(0, ROOMS).mapToObj(i -> Users.unique("room" + i)).toList();

  record Sent(String id, String conversation, String sender, Set<String> recipients) {
    boolean involves(String user) {
      return sender.equals(user) || recipients.contains(user);
    }
  }

  @Test
  void nobodySeesAMessageTheyNeitherSentNorReceived() {
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      sent.add(sendRandomMessage(i));
    }

    // storage is asynchronous: wait until every recipient has every message addressed to them
    await(seeded("every recipient has their messages"))
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (String user : users) {
                assertThat(inbox(user, false))
                    .as(seeded(user + "'s inbox"))
                    .containsAll(idsFor(sent, user));
              }
            });

    for (String user : users) {
      assertThat(inbox(user, false))
          .as(seeded(user + "'s inbox holds exactly the messages sent to them"))
          .containsExactlyInAnyOrderElementsOf(idsFor(sent, user));
    }
    for (Sent message : sent) {
      for (String user : users) {
        if (message.involves(user)) {
          assertThat(as(user).get("api/messages/" + message.id()).status())
              .as(seeded(user + " reads " + message))
              .isEqualTo(200);
        } else {
          assertNotFound(as(user).get("api/messages/" + message.id()), user, "read", message);
          assertNotFound(
              as(user).post("api/inbox/" + message.id() + "/read"), user, "mark read", message);
          assertNotFound(
              as(user).post("api/inbox/" + message.id() + "/unread"), user, "mark unread", message);
        }
      }
    }
    for (String user : users) {
      assertThat(inbox(user, true))
          .as(seeded("nothing " + user + " was sent was marked read by someone else"))
          .containsExactlyInAnyOrderElementsOf(idsFor(sent, user));
    }

    Set<String> conversations = new LinkedHashSet<>();
    sent.forEach(m -> conversations.add(m.conversation()));
    for (String conversation : conversations) {
      for (String user : users) {
        List<String> visible =
            sent.stream()
                .filter(m -> m.conversation().equals(conversation) && m.involves(user))
                .map(Sent::id)
                .toList();
        Reply reply = as(user).get("api/conversations/" + conversation + "/messages?limit=100");
        if (visible.isEmpty()) {
          assertNotFound(reply, user, "see the history of", conversation);
        } else {
          assertThat(reply.status()).as(seeded(user + " reads " + conversation)).isEqualTo(200);
          assertThat(ids(reply, "id"))
              .as(seeded(user + "'s view of " + conversation))
              .containsExactlyInAnyOrderElementsOf(visible);
        }
      }
    }
  }

  /** From a random user to one to three others, in a shared room or their direct conversation. */
  Sent sendRandomMessage(int n) {
    List<String> others = new ArrayList<>(users);
    String sender = others.remove(random.nextInt(others.size()));
    Collections.shuffle(others, random);
    Set<String> recipients = new LinkedHashSet<>(others.subList(0, 1 + random.nextInt(3)));
    var request = Requests.message(List.copyOf(recipients), "message " + n + " from " + sender);
    if (random.nextInt(3) > 0) {
      request.add("conversationId", rooms.get(random.nextInt(ROOMS)));
    }
    Reply reply = as(sender).post("api/messages", request.build().toString());
    assertThat(reply.status()).as(seeded("send " + n + ": " + reply)).isEqualTo(202);
    return new Sent(
        reply.json().getString("id"), reply.json().getString("conversationId"), sender, recipients);
  }

  List<String> inbox(String user, boolean unreadOnly) {
    Reply reply = as(user).get("api/inbox?limit=100" + (unreadOnly ? "&unread=true" : ""));
    assertThat(reply.status()).as(seeded(user + "'s inbox: " + reply)).isEqualTo(200);
    return ids(reply, "messageId");
  }

  static List<String> ids(Reply reply, String field) {
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString(field))
        .toList();
  }

  static List<String> idsFor(List<Sent> sent, String recipient) {
    return sent.stream().filter(m -> m.recipients().contains(recipient)).map(Sent::id).toList();
  }

  void assertNotFound(Reply reply, String user, String action, Object what) {
    String as = seeded(user + " must not " + action + " " + what + ", got " + reply);
    assertThat(reply.status()).as(as).isEqualTo(404);
    assertThat(reply.contentType()).as(as).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).as(as).isEqualTo("urn:herald:problem:not-found");
  }

  String seeded(String what) {
    return "seed " + seed + " (rerun with -Dherald.it.seed=" + seed + "): " + what;
  }
}
