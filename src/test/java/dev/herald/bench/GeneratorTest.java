package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator against a small local server that answers like POST /api/messages. */
class GeneratorTest {
  private final AtomicInteger answered = new AtomicInteger();
  private final Map<UUID, Long> issued = new ConcurrentHashMap<>();
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/api/messages",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          UUID id = UUID.randomUUID();
          issued.put(id, System.nanoTime());
          byte[] body = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
          if (answered.incrementAndGet() % 7 == 0) {
            exchange.getResponseHeaders().add("Connection", "close"); // as Liberty after 100
          }
          exchange.sendResponseHeaders(202, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Requests requests() {
    return Requests.sends(
        base, "/api/messages", List.of("t1", "t2"), Audience.of("g-", 5, 2, 10), 100);
  }

  @Test
  void sendsAtTheOfferedRateAndKeepsEveryAcceptedId() throws IOException {
    LoadResult load =
        new Generator(base, Progress.NONE).openLoop(requests(), 200, Duration.ofSeconds(2), 16);

    assertThat(load.accepted()).isEqualTo(400);
    assertThat(load.notAccepted()).isZero();
    assertThat(load.seconds).isBetween(1.9, 4.0);
    assertThat(load.latencyMicros.getTotalCount()).isEqualTo(400);
    assertThat(load.connectionsOpened).isGreaterThan(400 / 7 - 1);
  }

  @Test
  void matchesTheProbedSendsWithWhenTheyWereSeen() throws IOException {
    Requests requests = requests();
    LoadResult load =
        new Generator(base, Progress.NONE).openLoop(requests, 100, Duration.ofSeconds(1), 4);

    LoadResult.Visibility visible = load.visibility(issued, requests);

    assertThat(visible.probed()).isEqualTo(10); // one send in ten goes to a probe recipient
    assertThat(visible.seen()).isEqualTo(10);
  }

  @Test
  void saysOnceWhenTheLastSendWentOut() throws IOException {
    AtomicInteger said = new AtomicInteger();
    Generator generator = new Generator(base, Progress.NONE).whenAllSent(said::incrementAndGet);

    generator.openLoop(requests(), 100, Duration.ofSeconds(1), 4);

    assertThat(said).hasValue(1);
  }

  @Test
  void keepsItsConnectionsBusyInAClosedLoop() throws IOException {
    AtomicInteger said = new AtomicInteger();
    LoadResult load =
        new Generator(base, Progress.NONE)
            .whenAllSent(said::incrementAndGet)
            .closedLoop(requests(), 4, Duration.ofSeconds(1));

    assertThat(said).hasValue(1);
    assertThat(load.accepted()).isGreaterThan(50);
    assertThat(load.failed).isZero();
    assertThat(load.rejected).isZero();
  }

  @Test
  void countsRefusedAndFailedSends() throws IOException {
    server.removeContext("/api/messages");
    server.createContext(
        "/api/messages",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(429, -1);
          exchange.close();
        });

    LoadResult load =
        new Generator(base, Progress.NONE).openLoop(requests(), 50, Duration.ofSeconds(1), 4);

    assertThat(load.accepted()).isZero();
    assertThat(load.rejected).isEqualTo(50);
  }
}
