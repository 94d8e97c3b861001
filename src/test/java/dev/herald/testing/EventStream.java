package dev.herald.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of {@code GET /api/stream} as a browser's would be: it reads the Server-Sent Events as
 * they arrive, with the field rules of the SSE format, into a queue the test takes them from.
 */
public final class EventStream implements AutoCloseable {
  // HTTP/1.1, a connection per stream, as browsers use over plain http
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Event END = new Event(null, "(end)", null);

  /** One event: its id, its name and its data. */
  public record Event(String id, String name, String data) {
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(data))) {
        return reader.readObject();
      }
    }

    public long position() {
      return Long.parseLong(id);
    }
  }

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private volatile String retry;
  private final StringBuilder problem = new StringBuilder();

  private EventStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    Thread reader = new Thread(this::read, "event-stream");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the stream at {@code base} with a token and, if given, a Last-Event-ID. */
  public static EventStream open(URI base, String token, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/stream")).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return open(request.build());
  }

  public static EventStream open(HttpRequest request) {
    try {
      return new EventStream(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  public String retry() {
    return retry;
  }

  /** The body of an answer that is not a stream (a problem), once it has been read. */
  public Reply problem() {
    ended(Duration.ofSeconds(10));
    synchronized (problem) {
      return new Reply(response.statusCode(), response.headers(), problem.toString());
    }
  }

  /** The next event within {@code wait}; fails if none came or the stream ended. */
  public Event next(Duration wait) {
    Event event = poll(wait);
    if (event == null || event == END) {
      throw new AssertionError("no event within " + wait + (event == END ? ": stream ended" : ""));
    }
    return event;
  }

  /** The next event named {@code name}, passing over others (counts, say). */
  public Event next(String name, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Event event = next(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1)));
      if (event.name().equals(name)) {
        return event;
      }
    }
  }

  /** Every event named {@code name} until {@code count} of them came. */
  public List<Event> take(String name, int count, Duration wait) {
    List<Event> taken = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (taken.size() < count) {
      taken.add(next(name, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1))));
    }
    return taken;
  }

  /** Whether the server ended the stream within {@code wait} (after what it sent before). */
  public boolean ended(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Event event = poll(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1)));
      if (event == null) {
        return false;
      }
      if (event == END) {
        return true;
      }
    }
  }

  /** Events that arrived and are not taken yet, without waiting. */
  public List<Event> pending() {
    List<Event> pending = new ArrayList<>();
    events.drainTo(pending);
    pending.remove(END);
    return pending;
  }

  private Event poll(Duration wait) {
    try {
      return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The SSE field rules: lines until an empty one make an event; ':' starts a comment. */
  private void read() {
    String id = null;
    String name = null;
    StringBuilder data = null;
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (response.statusCode() != 200) {
          synchronized (problem) {
            problem.append(line);
          }
        } else if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, name == null ? "message" : name, data.toString()));
          }
          name = null;
          data = null;
        } else if (!line.startsWith(":")) {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
          switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" ->
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            case "retry" -> retry = value;
            default -> {}
          }
        }
      }
    } catch (RuntimeException closed) {
      // closed by the test, or the connection broke: the stream has ended either way
    } finally {
      events.add(END);
    }
  }

  @Override
  public void close() {
    response.body().close();
  }
}
