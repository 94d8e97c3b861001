package dev.herald.live.control;

import dev.herald.inbox.control.InboxCounter;
import dev.herald.live.entity.LiveEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds streams from the log, on the hub's one thread (so a stream's position has one writer): each
 * stream gets every event after its position exactly once, in order, then the user's badge counts.
 * A resuming stream replays from its Last-Event-ID, or is told to reset when the log no longer
 * holds everything after it.
 */
@ApplicationScoped
public class Fanout {
  private static final Logger LOG = Logger.getLogger(Fanout.class.getName());

  @Inject LiveReader reader;
  @Inject InboxCounter counter;

  void resume(LiveStream stream, Long lastEventId) {
    String user = stream.user();
    try {
      long head = reader.heads(List.of(user)).get(user);
      if (lastEventId != null && replayable(user, lastEventId, head)) {
        stream.position = lastEventId;
        feed(List.of(user), u -> Set.of(stream));
        if (stream.position == lastEventId) {
          counts(user, Set.of(stream));
        }
        return;
      }
      stream.position = head;
      if (lastEventId != null) {
        stream.send(new LiveEvent(head, LiveEvent.RESET, "{}"));
      }
      counts(user, Set.of(stream));
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot open a live stream; the client will reconnect", e);
      stream.close();
    }
  }

  /** Whether the log still holds every event after {@code position}, up to the head. */
  private boolean replayable(String user, long position, long head) throws SQLException {
    if (position > head || position < 0) {
      return false;
    }
    if (position == head) {
      return true;
    }
    OptionalLong first = reader.firstAfter(user, position);
    return first.isPresent() && first.getAsLong() == position + 1;
  }

  void feed(List<String> users, Function<String, Set<LiveStream>> streamsOf) {
    try {
      List<String> more = users;
      while (!more.isEmpty()) {
        more = feedOnce(more, streamsOf);
      }
    } catch (SQLException | RuntimeException e) {
      // the next signal or heartbeat reads again from the streams' positions
      LOG.log(Level.WARNING, "Cannot read live events; will read again", e);
    }
  }

  /** Sends one page of events per user; returns the users with more to read. */
  private List<String> feedOnce(List<String> users, Function<String, Set<LiveStream>> streamsOf)
      throws SQLException {
    Map<String, Long> from = new HashMap<>();
    for (String user : users) {
      streamsOf.apply(user).stream()
          .filter(s -> s.position >= 0)
          .mapToLong(s -> s.position)
          .min()
          .ifPresent(position -> from.put(user, position));
    }
    if (from.isEmpty()) {
      return List.of();
    }
    List<String> more = new ArrayList<>();
    for (Map.Entry<String, List<LiveEvent>> read : reader.after(from).entrySet()) {
      Set<LiveStream> streams = streamsOf.apply(read.getKey());
      streams.forEach(stream -> send(stream, read.getValue()));
      counts(read.getKey(), streams);
      if (read.getValue().size() == LiveReader.PAGE) {
        more.add(read.getKey());
      }
    }
    return more;
  }

  private static void send(LiveStream stream, List<LiveEvent> events) {
    if (stream.position < 0) {
      return; // not resumed yet: it starts from its own position
    }
    for (LiveEvent event : events) {
      if (event.id() > stream.position) {
        if (event.data() != null) {
          stream.send(event);
        }
        stream.position = event.id();
      }
    }
  }

  private void counts(String user, Set<LiveStream> streams) throws SQLException {
    String data = LiveJson.write(counter.counts(user, null));
    for (LiveStream stream : streams) {
      if (stream.position >= 0) {
        stream.send(new LiveEvent(stream.position, LiveEvent.COUNTS, data));
      }
    }
  }
}
