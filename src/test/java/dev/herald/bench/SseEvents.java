package dev.herald.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-Sent Events from a stream's body bytes: lines up to LF, fields {@code id}, {@code event}
 * and {@code data}, an event dispatched at the blank line (comments and {@code retry} pass by).
 */
final class SseEvents implements ChunkedBody.Sink {
  /** Takes each whole event: its name (default "message"), its id (or null) and its data. */
  interface Listener {
    void event(String name, String id, byte[] data);
  }

  private final Listener listener;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final ByteArrayOutputStream data = new ByteArrayOutputStream(256);
  private String name;
  private String id;
  private String lastId;

  SseEvents(Listener listener) {
    this.listener = listener;
  }

  /** The id of the last event that had one: what a reconnect sends as Last-Event-ID. */
  String lastId() {
    return lastId;
  }

  @Override
  public void take(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        line(line.toByteArray());
        line.reset();
      } else if (bytes[i] != '\r') {
        line.write(bytes[i]);
      }
    }
  }

  private void line(byte[] text) {
    if (text.length == 0) {
      dispatch();
    } else if (startsWith(text, "data:")) {
      if (data.size() > 0) {
        data.write('\n');
      }
      data.write(text, value(text, 5), text.length - value(text, 5));
    } else if (startsWith(text, "event:")) {
      name = string(text, value(text, 6));
    } else if (startsWith(text, "id:")) {
      id = string(text, value(text, 3));
    }
  }

  private void dispatch() {
    if (id != null) {
      lastId = id;
    }
    if (data.size() > 0 || name != null) {
      listener.event(name == null ? "message" : name, id, data.toByteArray());
    }
    name = null;
    id = null;
    data.reset();
  }

  /** Where a field's value starts: after the colon and one optional space. */
  private static int value(byte[] text, int afterColon) {
    return afterColon < text.length && text[afterColon] == ' ' ? afterColon + 1 : afterColon;
  }

  private static boolean startsWith(byte[] text, String field) {
    if (text.length < field.length()) {
      return false;
    }
    for (int i = 0; i < field.length(); i++) {
      if (text[i] != field.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String string(byte[] text, int from) {
    return new String(text, from, text.length - from, StandardCharsets.UTF_8);
  }
}
