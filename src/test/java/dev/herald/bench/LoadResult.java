package dev.herald.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * What one phase of sends got back: latency from when each send was due, the accepted message ids
 * with their due times (for POST→visible), and what was refused, failed or never sent.
 */
final class LoadResult {
  /** POST→visible: how long after being due the probed messages became visible, and coverage. */
  record Visibility(Histogram micros, long probed, long seen) {}

  final Histogram latencyMicros = new Histogram(60_000_000L, 3);
  long rejected;
  long failed;
  long dropped;
  long connectionsOpened;
  double seconds;

  private UUID[] ids = new UUID[4096];
  private long[] dueNanos = new long[4096];
  private long[] requests = new long[4096];
  private int accepted;

  void accept(UUID id, long due, long request) {
    if (accepted == ids.length) {
      ids = Arrays.copyOf(ids, accepted * 2);
      dueNanos = Arrays.copyOf(dueNanos, accepted * 2);
      requests = Arrays.copyOf(requests, accepted * 2);
    }
    ids[accepted] = id;
    dueNanos[accepted] = due;
    requests[accepted++] = request;
  }

  long accepted() {
    return accepted;
  }

  double acceptedPerSecond() {
    return seconds == 0 ? 0 : accepted / seconds;
  }

  /** Not accepted: refused by the server, failed on the connection, or not sent in time. */
  long notAccepted() {
    return rejected + failed + dropped;
  }

  /** The probed sends' time from due to first seen by the probe ({@code seenNanos} by id). */
  Visibility visibility(Map<UUID, Long> seenNanos, Requests sent) {
    Histogram micros = new Histogram(3_600_000_000L, 3);
    long probed = 0;
    for (int i = 0; i < accepted; i++) {
      if (sent.probed(requests[i])) {
        probed++;
        Long seen = seenNanos.get(ids[i]);
        if (seen != null) {
          micros.recordValue(Math.max(0, (seen - dueNanos[i]) / 1000));
        }
      }
    }
    return new Visibility(micros, probed, micros.getTotalCount());
  }
}
