package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream client against a small local server that streams Server-Sent Events, chunked. */
class LiveStreamsTest {
  private final Queue<OutputStream> streams = new ConcurrentLinkedQueue<>();
  private final Queue<String> lastEventIds = new ConcurrentLinkedQueue<>();
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/stream", this::stream);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void stream(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer ")) {
      exchange.sendResponseHeaders(401, -1);
      return;
    }
    String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    if (lastEventId != null) {
      lastEventIds.add(lastEventId);
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0); // chunked, open until the server ends it
    OutputStream body = exchange.getResponseBody();
    body.write("retry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
    body.flush();
    streams.add(body);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void sendToAll(String event) {
    for (OutputStream stream : streams) {
      try {
        stream.write(event.getBytes(StandardCharsets.UTF_8));
        stream.flush();
      } catch (IOException e) {
        streams.remove(stream);
      }
    }
  }

  @Test
  void holdsManyStreamsAndNotesWhenEachMessageWasFirstSeen() throws Exception {
    UUID message = UUID.randomUUID();
    try (LiveStreams live = new LiveStreams(base)) {
      live.open(IntStream.range(0, 100).mapToObj(i -> "token-" + i).toList());

      assertThat(live.awaitOpen(100, 30)).isEqualTo(100);
      sendToAll("id: 7\nevent: message\ndata: {\"messageId\":\"" + message + "\"}\n\n");
      sendToAll("id: 8\nevent: counts\ndata: {\"unread\":1}\n\n");

      await().atMost(Duration.ofSeconds(60)).until(() -> live.events.get() == 200);
      assertThat(live.seen()).containsOnlyKeys(message);
    }
  }

  @Test
  void opensAStreamTheServerEndedAgainFromItsLastEvent() throws Exception {
    try (LiveStreams live = new LiveStreams(base)) {
      live.open(List.of("token"));
      live.awaitOpen(1, 30);
      sendToAll("id: 41\nevent: message\ndata: {}\n\n");
      await().atMost(Duration.ofSeconds(60)).until(() -> live.events.get() == 1);

      OutputStream first = streams.poll();
      first.close();

      await().atMost(Duration.ofSeconds(60)).until(() -> lastEventIds.contains("41"));
      assertThat(live.reopened.get()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(60)).until(() -> live.openNow() == 1);
    }
  }
}
