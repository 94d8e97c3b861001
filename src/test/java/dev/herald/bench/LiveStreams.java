package dev.herald.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many live streams ({@code GET /api/stream}) held open from one thread and one selector, each with
 * its user's token: every {@code message} event notes when its message id was first seen, which
 * makes them the POST→visible probe (an event is sent only after commit). A stream the server ends
 * or breaks is opened again a second later with Last-Event-ID; a refused one is not.
 */
final class LiveStreams implements VisibilityProbe {
  /** Connections being opened at once, so that thousands do not arrive in one burst. */
  private static final int OPENING_AT_ONCE = 64;

  final AtomicLong events = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong reopened = new AtomicLong();

  /** Why streams were refused: the status and the start of the answer's body, with a count. */
  final Map<String, Integer> refusals = new ConcurrentHashMap<>();

  private final URI base;
  private final Map<UUID, Long> seen = new ConcurrentHashMap<>();
  private final ArrayDeque<StreamConnection> toOpen = new ArrayDeque<>();
  private final List<StreamConnection> opening = new ArrayList<>();
  private final List<StreamConnection> ended = new ArrayList<>();
  private final List<StreamConnection> all = new ArrayList<>();
  private final Selector selector;
  private final Thread thread = new Thread(this::loop, "live-streams");
  private volatile boolean running = true;
  private volatile int open;

  LiveStreams(URI base) throws IOException {
    this.base = base;
    this.selector = Selector.open();
  }

  @Override
  public void watch(List<String> users) {
    open(Rig.tokens(users));
  }

  /** Opens one stream per token (in the background); see {@link #awaitOpen}. */
  synchronized void open(List<String> tokens) {
    for (String token : tokens) {
      StreamConnection stream = new StreamConnection(token, this::event);
      all.add(stream);
      toOpen.add(stream);
    }
    if (!thread.isAlive()) {
      thread.setDaemon(true);
      thread.start();
    }
    selector.wakeup();
  }

  /** Waits until {@code count} streams are open or the timeout passed; returns how many are. */
  int awaitOpen(int count, long timeoutSeconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    Progress progress = new Progress("opening streams", count, "streams");
    while (open < count && refused.get() == 0 && System.nanoTime() < end) {
      progress.update(open);
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return open;
  }

  int openNow() {
    return open;
  }

  private void event(String name, String id, byte[] data) {
    events.incrementAndGet();
    if (name.equals("message")) {
      long now = System.nanoTime();
      JsonIds.each(data, 0, data.length, JsonIds.MESSAGE_ID, m -> seen.putIfAbsent(m, now));
    }
  }

  private void loop() {
    long nextReopen = 0;
    while (running) {
      long now = System.nanoTime();
      if (now >= nextReopen) {
        nextReopen = now + TimeUnit.SECONDS.toNanos(1);
        synchronized (this) {
          toOpen.addAll(ended);
          ended.clear();
        }
      }
      startOpening();
      try {
        selector.select(100);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      for (SelectionKey key : selector.selectedKeys()) {
        StreamConnection stream = (StreamConnection) key.attachment();
        try {
          boolean wasOpen = stream.status() == 200;
          stream.ready();
          if (!wasOpen && stream.status() == 200) {
            opening.remove(stream);
            open++;
          }
        } catch (IOException e) {
          ended(stream, e);
        }
      }
      selector.selectedKeys().clear();
    }
  }

  private synchronized void startOpening() {
    while (opening.size() < OPENING_AT_ONCE && !toOpen.isEmpty()) {
      StreamConnection stream = toOpen.poll();
      opening.add(stream);
      try {
        stream.open(selector, base);
      } catch (IOException e) {
        ended(stream, e);
      }
    }
  }

  /** Closes a stream that ended; it opens again a second later unless it was refused. */
  private synchronized void ended(StreamConnection stream, IOException why) {
    if (stream.status() == 200) {
      open--;
    }
    opening.remove(stream);
    stream.close();
    if (stream.status() != 0 && stream.status() != 200) {
      refused.incrementAndGet();
      refusals.merge(why.getMessage(), 1, Integer::sum);
      return;
    }
    reopened.incrementAndGet();
    ended.add(stream);
  }

  @Override
  public Map<UUID, Long> seen() {
    return seen;
  }

  @Override
  public String describe() {
    return "message events of GET /api/stream (sent after commit), one stream per probe recipient";
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    all.forEach(StreamConnection::close);
    try {
      selector.close();
    } catch (IOException e) {
      // at the end of the phase
    }
  }
}
