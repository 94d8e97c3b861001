package dev.herald.bench;

/**
 * Decodes a chunked HTTP body as it arrives, for a stream that never ends: bytes in, the body's
 * bytes out to a {@link Sink}, whatever the split between reads. Not chunked: passed through.
 */
final class ChunkedBody {
  /** Takes decoded body bytes. */
  interface Sink {
    void take(byte[] bytes, int from, int to);
  }

  private final boolean chunked;
  private final Sink sink;
  private final StringBuilder sizeLine = new StringBuilder();
  private long remaining;
  private int crlfToSkip;
  private boolean ended;

  ChunkedBody(boolean chunked, Sink sink) {
    this.chunked = chunked;
    this.sink = sink;
  }

  /** Whether the last (empty) chunk arrived: the server ended the stream. */
  boolean ended() {
    return ended;
  }

  void feed(byte[] bytes, int from, int to) {
    if (!chunked) {
      sink.take(bytes, from, to);
      return;
    }
    int at = from;
    while (at < to && !ended) {
      if (crlfToSkip > 0) {
        at++;
        crlfToSkip--;
      } else if (remaining > 0) {
        int take = (int) Math.min(remaining, to - at);
        sink.take(bytes, at, at + take);
        at += take;
        remaining -= take;
        crlfToSkip = remaining == 0 ? 2 : 0;
      } else {
        at = sizeLine(bytes, at, to);
      }
    }
  }

  /** Reads the chunk-size line up to its LF; returns where reading stopped. */
  private int sizeLine(byte[] bytes, int at, int to) {
    for (; at < to; at++) {
      char c = (char) bytes[at];
      if (c == '\n') {
        String size = sizeLine.toString().split(";")[0].trim();
        sizeLine.setLength(0);
        remaining = Long.parseLong(size, 16);
        ended = remaining == 0;
        return at + 1;
      }
      if (c != '\r') {
        sizeLine.append(c);
      }
    }
    return at;
  }
}
