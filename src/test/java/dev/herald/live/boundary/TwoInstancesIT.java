package dev.herald.live.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herald.testing.EventStream;
import dev.herald.testing.EventStream.Event;
import dev.herald.testing.ExtraServer;
import dev.herald.testing.Herald;
import dev.herald.testing.Reachability;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.Json;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of Herald on one Kafka and one PostgreSQL: a stream on one receives what the other
 * stored. The second instance consumes a topic nobody writes to, so every message is stored by the
 * first one, whichever instance it was sent through.
 */
class TwoInstancesIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static ExtraServer second;

  @BeforeAll
  static void startSecondInstance() throws Exception {
    Herald.awaitReady();
    second =
        ExtraServer.start(
            2, Map.of("MP_MESSAGING_INCOMING_MESSAGES_IN_TOPIC", "herald.it.second-instance-idle"));
  }

  @AfterAll
  static void stopSecondInstance() throws Exception {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void bothDevelopmentInstancesAnswerOnlyOnThisMachine() throws Exception {
    InetAddress outside = Reachability.outsideAddress().orElse(null);
    assumeTrue(outside != null, "this machine has no network address besides loopback");
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (URI base : List.of(Herald.base(), second.base())) {
      assertThat(Reachability.accepts(loopback, base.getPort())).as(base + " here").isTrue();
      assertThat(Reachability.accepts(outside, base.getPort()))
          .as(base.getPort() + " on " + outside + ", with its development endpoints")
          .isFalse();
    }
  }

  @Test
  void aStreamOnOneInstanceReceivesWhatTheOtherStored() {
    String alice = Users.unique("alice");
    String bob = Users.unique("bob");
    String bobToken = Herald.token(Json.createObjectBuilder().add("user", bob).build());
    try (EventStream onSecond = EventStream.open(second.base(), bobToken, null);
        EventStream onFirst = EventStream.open(Herald.base(), bobToken, null)) {
      onSecond.next("counts", WAIT);
      onFirst.next("counts", WAIT);

      Reply sent = Herald.as(alice).post("api/messages", Requests.send(List.of(bob), "across"));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
      Event there = onSecond.next("message", WAIT);
      Event here = onFirst.next("message", WAIT);

      assertThat(there.json().getString("messageId")).isEqualTo(sent.json().getString("id"));
      assertThat(there.id()).isEqualTo(here.id());
    }
  }

  @Test
  void aClientThatMovesToTheOtherInstanceResumesWithNothingMissedOrRepeated() {
    String alice = Users.unique("alice");
    String bob = Users.unique("bob");
    String bobToken = Herald.token(Json.createObjectBuilder().add("user", bob).build());
    String last;
    try (EventStream onFirst = EventStream.open(Herald.base(), bobToken, null)) {
      onFirst.next("counts", WAIT);
      Herald.as(alice).post("api/messages", Requests.send(List.of(bob), "before the move"));
      last = onFirst.next("message", WAIT).id();
    }
    List<String> sent =
        List.of("while away 1", "while away 2", "while away 3").stream()
            .map(
                body ->
                    Herald.as(alice)
                        .post("api/messages", Requests.send(List.of(bob), body))
                        .json()
                        .getString("id"))
            .toList();

    try (EventStream onSecond = EventStream.open(second.base(), bobToken, last)) {
      List<Event> replayed = onSecond.take("message", 3, WAIT);

      assertThat(replayed).extracting(e -> e.json().getString("messageId")).isEqualTo(sent);
      assertThat(onSecond.pending()).noneMatch(e -> e.name().equals("message"));
    }
  }
}
