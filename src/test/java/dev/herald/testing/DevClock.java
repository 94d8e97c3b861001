package dev.herald.testing;

import java.time.Duration;

/**
 * The server's clock, shifted through the development-only {@code PUT /api/dev/clock}: lets time
 * pass without sleeping. The server is shared, so a test that shifts it resets it in a finally
 * block (ITs run one at a time). The endpoint needs an authenticated caller.
 */
public final class DevClock {
  public static final String KEEPER = "clock-keeper";

  private DevClock() {}

  public static void shift(Duration offset) {
    Reply reply =
        Herald.as(KEEPER)
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
