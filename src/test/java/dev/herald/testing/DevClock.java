package dev.herald.testing;

import static dev.herald.testing.Herald.anonymous;

import java.time.Duration;

/**
 * The server's clock, shifted through the development-only {@code PUT /api/dev/clock}: lets time
 * pass without sleeping. The server is shared, so a test that shifts it resets it in a finally
 * block (ITs run one at a time).
 */
public final class DevClock {
  private DevClock() {}

  public static void shift(Duration offset) {
    Reply reply =
        anonymous()
            .send(
                "PUT",
                "api/dev/clock",
                "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"offset\":\"" + offset + "\"}"));
    if (reply.status() != 200) {
      throw new IllegalStateException("cannot shift the server's clock: " + reply);
    }
  }

  public static void reset() {
    shift(Duration.ZERO);
  }
}
