package dev.herald.live.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.EventStream;
import dev.herald.testing.EventStream.Event;
import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** GET /api/stream as a client sees it: what arrives, when, in which order, and for whom. */
class LiveStreamIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  final String alice = Users.unique("alice");
  final String bob = Users.unique("bob");

  static String token(String user) {
    return Herald.token(Json.createObjectBuilder().add("user", user).build());
  }

  static EventStream stream(String token, String lastEventId) {
    return EventStream.open(Herald.base(), token, lastEventId);
  }

  static String send(String from, String to, String body) {
    Reply sent = Herald.as(from).post("api/messages", Requests.send(List.of(to), body));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    return sent.json().getString("id");
  }

  @Test
  void startsWithTheReconnectDelayAndThePositionWithTheBadge() {
    try (EventStream stream = stream(token(bob), null)) {
      Event first = stream.next(WAIT);

      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      assertThat(stream.retry()).isEqualTo("3000");
      assertThat(first.name()).isEqualTo("counts");
      assertThat(first.id()).isEqualTo("0");
      assertThat(first.json().getInt("unread")).isZero();
    }
  }

  @Test
  void sendsANewMessageOnlyOnceItIsStoredSoItCanBeFetchedAtOnce() {
    try (EventStream stream = stream(token(bob), null)) {
      stream.next("counts", WAIT);
      String id = send(alice, bob, "live hello");

      Event message = stream.next("message", WAIT);

      assertThat(message.json().getString("messageId")).isEqualTo(id);
      assertThat(message.json().getString("sender")).isEqualTo(alice);
      assertThat(message.json().getString("body")).isEqualTo("live hello");
      assertThat(Herald.as(bob).get("api/messages/" + id).status()).isEqualTo(200);
      Event counts = stream.next("counts", WAIT);
      assertThat(counts.id()).isEqualTo(message.id());
      assertThat(counts.json().getInt("unread")).isEqualTo(1);
    }
  }

  @Test
  void aSendersOwnMessageReachesTheSendersStreamToo() {
    try (EventStream stream = stream(token(alice), null)) {
      stream.next("counts", WAIT);
      String id = send(alice, bob, "from me");

      Event message = stream.next("message", WAIT);

      assertThat(message.json().getString("messageId")).isEqualTo(id);
      assertThat(message.json().getString("sender")).isEqualTo(alice);
      assertThat(message.json().containsKey("readAt")).isFalse();
    }
  }

  @Test
  void replaysExactlyWhatWasMissedInOrderAfterReconnectingWithLastEventId() {
    String bobToken = token(bob);
    String last;
    try (EventStream stream = stream(bobToken, null)) {
      last = stream.next("counts", WAIT).id();
    }
    List<String> sent =
        IntStream.rangeClosed(1, 50).mapToObj(i -> send(alice, bob, "missed " + i)).toList();

    try (EventStream stream = stream(bobToken, last)) {
      List<Event> replayed = stream.take("message", 50, WAIT);
      String after = send(alice, bob, "live again");
      Event live = stream.next("message", WAIT);

      assertThat(replayed).extracting(e -> e.json().getString("messageId")).isEqualTo(sent);
      assertThat(replayed)
          .extracting(Event::position)
          .isEqualTo(IntStream.rangeClosed(1, 50).mapToObj(i -> Long.parseLong(last) + i).toList());
      assertThat(live.json().getString("messageId")).isEqualTo(after);
      assertThat(stream.pending()).noneMatch(e -> e.name().equals("message"));
    }
  }

  @Test
  void anotherUsersEventsNeverReachAStream() {
    String carol = Users.unique("carol");
    try (EventStream stream = stream(token(carol), null)) {
      stream.next("counts", WAIT);
      send(alice, bob, "not for carol 1");
      send(bob, alice, "not for carol 2");
      Herald.as(bob).post("api/inbox/read-all");
      String sentinel = send(alice, carol, "for carol");

      Event first = stream.next("message", WAIT);

      assertThat(first.json().getString("messageId")).isEqualTo(sentinel);
      assertThat(stream.pending()).noneMatch(e -> e.name().equals("delivery"));
    }
  }

  @Test
  void aChangeMadeOnAnotherDeviceArrivesAsADeliveryEvent() {
    String id = send(alice, bob, "read me elsewhere");
    awaitDelivered(bob, id);
    try (EventStream stream = stream(token(bob), null)) {
      stream.next("counts", WAIT);
      assertThat(Herald.as(bob).post("api/inbox/" + id + "/read").status()).isEqualTo(204);

      Event delivery = stream.next("delivery", WAIT);

      assertThat(delivery.json().getString("messageId")).isEqualTo(id);
      assertThat(delivery.json().getString("readAt")).isNotBlank();
      assertThat(stream.next("counts", WAIT).json().getInt("unread")).isZero();
    }
  }

  @Test
  void beingAddedToAGroupArrivesAsAConversationEvent() {
    try (EventStream stream = stream(token(bob), null)) {
      stream.next("counts", WAIT);
      Reply group =
          Herald.as(alice)
              .post(
                  "api/conversations",
                  Json.createObjectBuilder()
                      .add("title", "Live group")
                      .add("members", Json.createArrayBuilder(List.of(bob)))
                      .build()
                      .toString());

      Event added = stream.next("conversation", WAIT);

      assertThat(added.json().getString("conversationId")).isEqualTo(group.json().getString("id"));
      assertThat(added.json().getString("title")).isEqualTo("Live group");
      assertThat(added.json().getString("change")).isEqualTo("added");
    }
  }

  @Test
  void watchingAnInboxNeverMarksItSeen() {
    try (EventStream stream = stream(token(bob), null)) {
      stream.next("counts", WAIT);
      send(alice, bob, "only watched");
      stream.next("message", WAIT);

      assertThat(stream.next("counts", WAIT).json().getInt("unseen")).isEqualTo(1);
      assertThat(Herald.as(bob).get("api/inbox/counts").json().getInt("unseen")).isEqualTo(1);
    }
  }

  @Test
  void anIdTheLogNoLongerHoldsEverythingAfterIsAnsweredWithReset() {
    String bobToken = token(bob);
    send(alice, bob, "one");
    String second = send(alice, bob, "two");
    awaitDelivered(bob, second);
    // what housekeeping does to events older than the replay window
    LogDatabase.update("delete from live_events where user_name = ? and seq = 1", bob);

    try (EventStream stream = stream(bobToken, "0")) {
      Event reset = stream.next(WAIT);

      assertThat(reset.name()).isEqualTo("reset");
      assertThat(reset.id()).isEqualTo("2");
    }
    try (EventStream stream = stream(bobToken, "999")) {
      assertThat(stream.next(WAIT).name()).isEqualTo("reset");
    }
  }

  @Test
  void theStreamEndsWhenItsTokenExpires() {
    String shortLived =
        Herald.token(Json.createObjectBuilder().add("user", bob).add("lifetimeSeconds", 3).build());
    try (EventStream stream = stream(shortLived, null)) {
      stream.next("counts", WAIT);

      assertThat(stream.next("expired", WAIT).name()).isEqualTo("expired");
      assertThat(stream.ended(WAIT)).isTrue();
    }
  }

  @Test
  void refusesAStreamWithoutAValidTokenOrWithAMalformedLastEventId() {
    try (EventStream anonymous = stream(null, null)) {
      Reply refused = anonymous.problem();
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().getString("type")).isEqualTo("urn:herald:problem:unauthenticated");
    }
    try (EventStream malformed = stream(token(bob), "yesterday")) {
      Reply refused = malformed.problem();
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field"))
          .isEqualTo("Last-Event-ID");
    }
  }

  static void awaitDelivered(String user, String id) {
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> Herald.as(user).get("api/messages/" + id).status() == 200);
  }
}
