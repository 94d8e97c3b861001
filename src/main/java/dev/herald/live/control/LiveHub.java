package dev.herald.live.control;

import dev.herald.live.entity.LiveEvent;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The streams open on this instance, by user, and the one thread that feeds them: when a user's log
 * grew ({@link #signal}) it reads what their streams have not seen and sends it. Streams are
 * counted per user and per instance against their limits, and end when their token expires. Every
 * heartbeat also reads for every user with a stream, so a signal lost with a broken LISTEN
 * connection delays an event, never loses it.
 */
@ApplicationScoped
public class LiveHub {
  @Inject Fanout fanout;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.live.max-streams-per-user", defaultValue = "10")
  int maxPerUser;

  @Inject
  @ConfigProperty(name = "herald.live.max-streams", defaultValue = "10000")
  int maxStreams;

  @Inject
  @ConfigProperty(name = "herald.live.max-queued-bytes", defaultValue = "262144")
  int maxQueuedBytes;

  @Inject
  @ConfigProperty(name = "herald.live.writer-threads", defaultValue = "16")
  int writers;

  @Inject
  @ConfigProperty(name = "herald.live.heartbeat-seconds", defaultValue = "15")
  int heartbeatSeconds;

  @Inject
  @ConfigProperty(name = "herald.live.retry-millis", defaultValue = "3000")
  int retryMillis;

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threads;

  private final Map<String, Set<LiveStream>> byUser = new ConcurrentHashMap<>();
  private final Map<String, Integer> admitted = new HashMap<>();
  private int total;
  private ExecutorService feeding;
  private ExecutorService writing;

  @PostConstruct
  void start() {
    feeding = Executors.newSingleThreadExecutor(threads);
    writing = Executors.newFixedThreadPool(writers, threads);
    scheduler.scheduleWithFixedDelay(
        this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    scheduler.scheduleWithFixedDelay(this::endExpired, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    // clients reconnect, to this instance once it is back or to another one
    streams().forEach(LiveStream::close);
    feeding.shutdownNow();
    writing.shutdownNow();
  }

  /** Counts a stream for the user before it opens: 429 beyond the user's limit, 503 beyond ours. */
  private synchronized void admit(String user) {
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

  /**
   * Opens a stream for the request's user, resuming after {@code lastEventId} if given; 429 (too
   * many streams for the user) or 503 (for this instance) before anything is written.
   */
  public void open(String user, Instant expiresAt, Long lastEventId, HttpServletRequest request)
      throws IOException {
    admit(user);
    LiveStream stream;
    try {
      AsyncContext async = request.startAsync();
      async.setTimeout(0);
      stream = new LiveStream(user, expiresAt, async, maxQueuedBytes, writing, this::closed);
    } catch (IOException | RuntimeException e) {
      release(user);
      throw e;
    }
    byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(stream);
    stream.start(retryMillis);
    feeding.execute(() -> fanout.resume(stream, lastEventId));
  }

  /** Users whose logs grew: their streams here are fed what is new. */
  public void signal(Collection<String> users) {
    List<String> here = users.stream().filter(byUser::containsKey).toList();
    if (!here.isEmpty()) {
      feeding.execute(() -> fanout.feed(here, this::streamsOf));
    }
  }

  /** Every user with a stream here: what a lost signal would have told is read now. */
  public void signalAll() {
    signal(List.copyOf(byUser.keySet()));
  }

  public synchronized int openStreams() {
    return total;
  }

  private void heartbeat() {
    streams().forEach(LiveStream::ping);
    signalAll();
  }

  private void endExpired() {
    Instant now = clock.instant();
    for (LiveStream stream : streams()) {
      if (!now.isBefore(stream.expiresAt())) {
        stream.finish(new LiveEvent(stream.position, LiveEvent.EXPIRED, "{}"));
      }
    }
  }

  private List<LiveStream> streams() {
    return byUser.values().stream().flatMap(Set::stream).toList();
  }

  private Set<LiveStream> streamsOf(String user) {
    return byUser.getOrDefault(user, Set.of());
  }

  private void closed(LiveStream stream) {
    Set<LiveStream> streams = byUser.get(stream.user());
    if (streams != null && streams.remove(stream)) {
      byUser.computeIfPresent(stream.user(), (u, s) -> s.isEmpty() ? null : s);
      release(stream.user());
    }
  }

  private synchronized void release(String user) {
    admitted.computeIfPresent(user, (u, n) -> n > 1 ? n - 1 : null);
    total--;
  }
}
