package dev.herald.live.control;

import dev.herald.live.entity.LiveEvent;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One open stream. Events wait in a queue of bounded size and are written by the hub's writer
 * threads, never by the thread that reads the log: a slow client holds up at most one writer (until
 * the connection's write timeout), never the others. A client that falls further behind than the
 * queue allows is dropped; it reconnects with Last-Event-ID and reads what it missed from the log.
 * (Liberty's non-blocking servlet output was tried first: its flush writes synchronously.)
 */
public final class LiveStream {
  private final String user;
  private final Instant expiresAt;
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final int maxQueuedBytes;
  private final Executor writers;
  private final Consumer<LiveStream> onClose;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private int queuedBytes;
  private boolean writing;
  private boolean closing;
  private boolean closed;
  private boolean completed;

  /** The user's position this stream has reached: written by the hub's feeding thread only. */
  volatile long position = -1;

  LiveStream(
      String user,
      Instant expiresAt,
      AsyncContext async,
      int maxQueuedBytes,
      Executor writers,
      Consumer<LiveStream> onClose)
      throws IOException {
    this.user = user;
    this.expiresAt = expiresAt;
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.maxQueuedBytes = maxQueuedBytes;
    this.writers = writers;
    this.onClose = onClose;
  }

  public String user() {
    return user;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  /** The reconnection delay clients should wait, first thing on the stream. */
  void start(int retryMillis) {
    enqueue("retry: " + retryMillis + "\n\n");
  }

  void send(LiveEvent event) {
    // JSON has no raw line breaks, so the data is one line
    enqueue("id: " + event.id() + "\nevent: " + event.name() + "\ndata: " + event.data() + "\n\n");
  }

  void ping() {
    enqueue(": ping\n\n");
  }

  /** Sends {@code last} and ends the stream once it is written. */
  synchronized void finish(LiveEvent last) {
    send(last);
    closing = true;
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
    if (!writing) {
      writing = true;
      writers.execute(this::write);
    }
  }

  /**
   * On a writer thread: writes what is queued, blocking while the connection takes it, and ends the
   * response here once the stream is closed, so no other thread ever waits on the connection.
   */
  private void write() {
    for (List<byte[]> chunks = take(); chunks != null; chunks = take()) {
      try {
        for (byte[] chunk : chunks) {
          out.write(chunk);
        }
        out.flush();
      } catch (IOException | RuntimeException e) {
        close();
      }
    }
    if (isClosed()) {
      complete();
    }
  }

  /** What is queued; null when there is nothing (more) to write: the writer is then done. */
  private synchronized List<byte[]> take() {
    if (!closed && queue.isEmpty() && closing) {
      close();
    }
    if (closed || queue.isEmpty()) {
      writing = false;
      return null;
    }
    List<byte[]> chunks = new ArrayList<>(queue);
    queue.clear();
    queuedBytes = 0;
    return chunks;
  }

  /** Ends the stream: nothing more is queued; a writer ends the response. */
  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    onClose.accept(this);
    if (!writing) {
      writing = true;
      writers.execute(this::write);
    }
  }

  private void complete() {
    synchronized (this) {
      if (completed) {
        return;
      }
      completed = true;
    }
    try {
      async.complete();
    } catch (IllegalStateException alreadyDone) {
      // the container ended it first (the client went away)
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }
}
