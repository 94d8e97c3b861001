package dev.herald.live.control;

import dev.herald.live.entity.LiveEvent;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One open stream, written without blocking: events wait in a queue of bounded size until the
 * client's connection takes them, so a slow client never holds up the others. A client that falls
 * further behind than the queue allows is dropped; it reconnects with Last-Event-ID and reads what
 * it missed from the log.
 */
public final class LiveStream implements WriteListener {
  private final String user;
  private final Instant expiresAt;
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final int maxQueuedBytes;
  private final Consumer<LiveStream> onClose;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private int queuedBytes;
  private boolean dirty;
  private boolean closing;
  private boolean closed;

  /** The user's position this stream has reached: read and written by the hub's thread only. */
  volatile long position = -1;

  LiveStream(
      String user,
      Instant expiresAt,
      AsyncContext async,
      int maxQueuedBytes,
      Consumer<LiveStream> onClose)
      throws IOException {
    this.user = user;
    this.expiresAt = expiresAt;
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.maxQueuedBytes = maxQueuedBytes;
    this.onClose = onClose;
  }

  public String user() {
    return user;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Starts non-blocking writing, the reconnection delay first: the container calls {@link
   * #onWritePossible} once the listener is set, and again whenever the connection can take more.
   */
  void start(int retryMillis) {
    synchronized (this) {
      byte[] retry = ("retry: " + retryMillis + "\n\n").getBytes(StandardCharsets.UTF_8);
      queue.add(retry);
      queuedBytes += retry.length;
    }
    out.setWriteListener(this);
  }

  void send(LiveEvent event) {
    StringBuilder text = new StringBuilder().append("id: ").append(event.id()).append('\n');
    text.append("event: ").append(event.name()).append('\n');
    // JSON has no raw line breaks, so the data is one line
    text.append("data: ").append(event.data()).append("\n\n");
    enqueue(text.toString());
  }

  void ping() {
    enqueue(": ping\n\n");
  }

  /** Sends {@code last} and ends the stream once it is written. */
  synchronized void finish(LiveEvent last) {
    send(last);
    closing = true;
    drain();
  }

  private synchronized void enqueue(String text) {
    if (closed || closing) {
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (queuedBytes + bytes.length > maxQueuedBytes) {
      close(); // too slow: it reconnects and reads the rest from the log
      return;
    }
    queue.add(bytes);
    queuedBytes += bytes.length;
    drain();
  }

  @Override
  public synchronized void onWritePossible() {
    drain();
  }

  @Override
  public void onError(Throwable failure) {
    close();
  }

  /** Writes while the connection takes it; the container calls back when it can take more. */
  private void drain() {
    try {
      while (!closed && out.isReady()) {
        byte[] next = queue.poll();
        if (next != null) {
          queuedBytes -= next.length;
          out.write(next);
          dirty = true;
        } else if (dirty) {
          dirty = false;
          out.flush();
        } else {
          if (closing) {
            close();
          }
          return;
        }
      }
    } catch (IOException | IllegalStateException e) {
      close();
    }
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    try {
      async.complete();
    } catch (IllegalStateException alreadyDone) {
      // the container ended it first (the client went away)
    }
    onClose.accept(this);
  }

  synchronized boolean isClosed() {
    return closed;
  }
}
