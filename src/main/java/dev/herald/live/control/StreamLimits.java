package dev.herald.live.control;

import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many streams this instance keeps open, per user and in all: a stream is counted before it
 * opens (429 beyond the user's limit, 503 beyond the instance's) and released when it ends. Counted
 * per instance, like the send rate limit: the limits protect this instance's sockets and memory.
 */
@ApplicationScoped
public class StreamLimits {
  @Inject
  @ConfigProperty(name = "herald.live.max-streams-per-user", defaultValue = "10")
  int maxPerUser;

  @Inject
  @ConfigProperty(name = "herald.live.max-streams", defaultValue = "10000")
  int maxStreams;

  private final Map<String, Integer> admitted = new HashMap<>();
  private int total;

  synchronized void admit(String user) {
    if (total >= maxStreams) {
      throw ProblemException.retryLater(
          ProblemType.STREAMS_UNAVAILABLE,
          "This instance has the most live streams it takes (" + maxStreams + ").",
          5);
    }
    int mine = admitted.getOrDefault(user, 0);
    if (mine >= maxPerUser) {
      throw new ProblemException(
          ProblemType.TOO_MANY_STREAMS,
          "You have the most live streams open at once (" + maxPerUser + "); close one first.");
    }
    admitted.put(user, mine + 1);
    total++;
  }

  synchronized void release(String user) {
    admitted.computeIfPresent(user, (u, n) -> n > 1 ? n - 1 : null);
    total--;
  }

  public synchronized int open() {
    return total;
  }
}
