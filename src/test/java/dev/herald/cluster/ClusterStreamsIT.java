package dev.herald.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Cluster;
import dev.herald.testing.EventStream;
import dev.herald.testing.EventStream.Event;
import dev.herald.testing.Herald;
import dev.herald.testing.LibertyServer;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live streams across the three instances: each instance's clients get every message, whichever
 * instance accepted it and whichever consumed it; a client whose instance was killed resumes on
 * another with Last-Event-ID, missing nothing and getting nothing twice.
 */
// three Liberty starts (a rolling restart) take far longer than the build's 8-minute default
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ClusterStreamsIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static List<URI> instances;

  @BeforeAll
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  static void startTheCluster() throws Exception {
    instances = Cluster.bases();
  }

  /** Sends through the given instance, as a client behind a load balancer would. */
  static String send(URI instance, String sender, String recipient, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(instance.resolve("api/messages"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + tokenOf(sender))
            .POST(HttpRequest.BodyPublishers.ofString(Requests.send(List.of(recipient), body)))
            .build();
    var response = HTTP.send(request, BodyHandlers.ofString());
    Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    return reply.json().getString("id");
  }

  static String tokenOf(String user) {
    return Herald.token(Json.createObjectBuilder().add("user", user).build());
  }

  @Test
  void clientsOnEveryInstanceReceiveEveryMessageOnce() throws Exception {
    String alice = Users.unique("alice");
    String bob = Users.unique("bob");
    List<EventStream> streams = new ArrayList<>();
    try {
      for (URI instance : instances) {
        EventStream stream = EventStream.open(instance, tokenOf(bob), null);
        streams.add(stream);
        stream.next("counts", WAIT);
      }
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        sent.add(send(instances.get(i % instances.size()), alice, bob, "to all " + i));
      }
      for (EventStream stream : streams) {
        List<Event> received = stream.take("message", sent.size(), WAIT);
        assertThat(received)
            .extracting(e -> e.json().getString("messageId"))
            .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(stream.pending()).noneMatch(e -> e.name().equals("message"));
      }
    } finally {
      streams.forEach(EventStream::close);
    }
  }

  @Test
  void aClientWhoseInstanceWasKilledResumesOnAnotherWithNothingMissedOrRepeated() throws Exception {
    String alice = Users.unique("alice");
    String bob = Users.unique("bob");
    int doomed = instances.size() - 1;
    LibertyServer killed = Cluster.servers().get(doomed);
    String last;
    List<String> sent = new ArrayList<>();
    try (EventStream before = EventStream.open(instances.get(doomed), tokenOf(bob), null)) {
      before.next("counts", WAIT);
      send(instances.get(0), alice, bob, "before the crash");
      last = before.next("message", WAIT).id();
      killed.kill();
      assertThat(before.ended(WAIT)).as("the stream ends with its instance").isTrue();
    }
    try {
      for (int i = 0; i < 6; i++) {
        sent.add(send(instances.get(i % doomed), alice, bob, "while reconnecting " + i));
      }
      try (EventStream after = EventStream.open(instances.get(0), tokenOf(bob), last)) {
        List<Event> resumed = after.take("message", sent.size(), WAIT);

        assertThat(resumed)
            .extracting(e -> e.json().getString("messageId"))
            .containsExactlyElementsOf(sent);
        assertThat(after.pending()).noneMatch(e -> e.name().equals("message"));
      }
    } finally {
      killed.start();
      Cluster.awaitAnswering(doomed);
    }
  }
}
