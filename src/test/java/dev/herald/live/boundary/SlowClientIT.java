package dev.herald.live.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.LogDatabase;
import dev.herald.testing.Requests;
import dev.herald.testing.Users;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading is dropped once it is further behind than the server buffers for a
 * stream (HERALD_LIVE_MAX_QUEUED_BYTES, set low in pom.xml), instead of being buffered without
 * bound; it would reconnect with Last-Event-ID and read the rest from the log.
 */
class SlowClientIT {
  static final String BODY = "x".repeat(16_000);

  /** 6.4 MB of events: more than the connection's buffers (4 MB at most here) and the queue. */
  static final int MESSAGES = 400;

  @Test
  void aClientThatStopsReadingIsDroppedInsteadOfBufferedWithoutBound() throws Exception {
    String bob = Users.unique("bob");
    String token = Herald.token(Json.createObjectBuilder().add("user", bob).build());
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress(Herald.base().getHost(), Herald.base().getPort()));
      socket
          .getOutputStream()
          .write(
              ("GET /api/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                      + token
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      // not reading while the events pile up
      List<String> senders = IntStream.range(0, 10).mapToObj(i -> Users.unique("s")).toList();
      for (int i = 0; i < MESSAGES; i++) {
        Herald.as(senders.get(i % senders.size()))
            .post("api/messages", Requests.send(List.of(bob), BODY));
      }
      await("all stored")
          .atMost(Duration.ofMinutes(2))
          .until(
              () ->
                  LogDatabase.count("select count(*) from deliveries where recipient = ?", bob)
                      == MESSAGES);

      String received = readToEnd(socket);

      assertThat(received).startsWith("HTTP/1.1 200");
      assertThat(messageEvents(received)).isLessThan(MESSAGES);
    }
  }

  /**
   * Everything the server sent until it closed the connection; fails if it has not closed it within
   * a minute (heartbeats would keep an open stream busy forever).
   */
  private static String readToEnd(Socket socket) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    socket.setSoTimeout(5_000);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        read.write(buffer, 0, n);
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the server kept sending to a client that stopped reading");
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection of a dropped stream open", e);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  private static int messageEvents(String text) {
    Matcher events = Pattern.compile("\nevent: message\n").matcher(text);
    int count = 0;
    while (events.find()) {
      count++;
    }
    return count;
  }
}
