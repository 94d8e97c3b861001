package dev.herald.live.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.EventStream;
import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Scrape;
import dev.herald.testing.Users;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may open a stream, how, and how many: tickets for clients without headers, and the limits per
 * user and per instance (the build sets them low: HERALD_LIVE_MAX_STREAMS_PER_USER,
 * HERALD_LIVE_MAX_STREAMS in pom.xml).
 */
class StreamAccessIT {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final int PER_USER = Integer.getInteger("herald.it.live.max-streams-per-user", 3);
  static final int PER_INSTANCE = Integer.getInteger("herald.it.live.max-streams", 100);

  static String token(String user) {
    return Herald.token(Json.createObjectBuilder().add("user", user).build());
  }

  static EventStream byTicket(String ticket) {
    return EventStream.open(
        HttpRequest.newBuilder(Herald.base().resolve("api/stream?ticket=" + ticket)).build());
  }

  @Test
  void aTicketOpensOneStreamWithoutAHeaderOnce() {
    String bob = Users.unique("bob");
    Reply issued = Herald.as(bob).post("api/stream/tickets");
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    String ticket = issued.json().getString("ticket");
    assertThat(issued.json().getString("expiresAt")).isNotBlank();

    try (EventStream first = byTicket(ticket)) {
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.next("counts", WAIT).json().getInt("total")).isZero();
    }
    try (EventStream again = byTicket(ticket)) {
      assertThat(again.problem().status()).isEqualTo(401);
    }
  }

  @Test
  void aUserBeyondTheirLimitIsAnswered429() {
    String bobToken = token(Users.unique("bob"));
    List<EventStream> open = new ArrayList<>();
    try {
      for (int i = 0; i < PER_USER; i++) {
        EventStream stream = EventStream.open(Herald.base(), bobToken, null);
        open.add(stream);
        assertThat(stream.status()).isEqualTo(200);
      }
      try (EventStream beyond = EventStream.open(Herald.base(), bobToken, null)) {
        Reply refused = beyond.problem();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().getString("type"))
            .isEqualTo("urn:herald:problem:too-many-streams");
      }
    } finally {
      open.forEach(EventStream::close);
    }
  }

  @Test
  void anInstanceBeyondItsLimitAnswers503WithRetryAfter() {
    List<EventStream> open = new ArrayList<>();
    try {
      Reply refused = null;
      // streams other tests left may still count until the server notices they are gone
      for (int i = 0; i <= PER_INSTANCE && refused == null; i++) {
        EventStream stream = EventStream.open(Herald.base(), token(Users.unique("many")), null);
        open.add(stream);
        if (stream.status() != 200) {
          refused = stream.problem();
        }
      }
      assertThat(refused).as("a stream beyond " + PER_INSTANCE).isNotNull();
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().getString("type"))
          .isEqualTo("urn:herald:problem:streams-unavailable");
      assertThat(refused.header("Retry-After")).isPresent();
    } finally {
      open.forEach(EventStream::close);
      awaitRoomForStreams();
    }
  }

  /**
   * The server notices closed streams at a heartbeat: later tests must find all the room again, so
   * this waits until the instance counts no open stream (herald_live_streams).
   */
  static void awaitRoomForStreams() {
    org.awaitility.Awaitility.await("every stream closed on the server")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Scrape.value("herald_live_streams") == 0);
  }
}
