package dev.herald.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response from the bytes a connection has received so far, without copying them
 * into strings: the status, the body (Content-Length or chunked) and whether the server closes the
 * connection. Incomplete bytes answer null, and the caller reads more and asks again.
 */
final class ResponseParser {
  /** A whole response and how many bytes of the buffer it took. */
  record Parsed(int status, byte[] body, boolean closes, int consumed) {}

  private ResponseParser() {}

  /** The response at the start of {@code buf[from, to)}, or null if it is not all there yet. */
  static Parsed parse(byte[] buf, int from, int to) {
    int headEnd = indexOf(buf, from, to, "\r\n\r\n");
    if (headEnd < 0) {
      return null;
    }
    int status = digits(buf, from + 9, from + 12);
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    for (int line = next(buf, from, headEnd); line < headEnd; line = next(buf, line, headEnd)) {
      int end = indexOf(buf, line, headEnd + 2, "\r\n");
      if (startsWith(buf, line, end, "content-length:")) {
        length = digits(buf, line + 15, end);
      } else if (startsWith(buf, line, end, "transfer-encoding:")) {
        chunked = contains(buf, line, end, "chunked");
      } else if (startsWith(buf, line, end, "connection:")) {
        closes = contains(buf, line, end, "close");
      }
    }
    int bodyStart = headEnd + 4;
    if (chunked) {
      return chunks(buf, from, bodyStart, to, status, closes);
    }
    int bodyLength = (int) Math.max(0, length);
    if (to - bodyStart < bodyLength) {
      return null;
    }
    byte[] body = Arrays.copyOfRange(buf, bodyStart, bodyStart + bodyLength);
    return new Parsed(status, body, closes, bodyStart + bodyLength - from);
  }

  private static Parsed chunks(byte[] buf, int from, int at, int to, int status, boolean closes) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int sizeEnd = indexOf(buf, at, to, "\r\n");
      if (sizeEnd < 0) {
        return null;
      }
      int size = hex(buf, at, sizeEnd);
      at = sizeEnd + 2;
      if (size == 0) {
        // trailers, if any, then an empty line
        int end = indexOf(buf, at - 2, to, "\r\n\r\n");
        return end < 0 ? null : new Parsed(status, body.toByteArray(), closes, end + 4 - from);
      }
      if (to - at < size + 2) {
        return null;
      }
      body.write(buf, at, size);
      at += size + 2;
    }
  }

  private static int next(byte[] buf, int from, int headEnd) {
    int end = indexOf(buf, from, headEnd + 2, "\r\n");
    return end < 0 ? headEnd : end + 2;
  }

  static int indexOf(byte[] buf, int from, int to, String ascii) {
    outer:
    for (int i = from; i <= to - ascii.length(); i++) {
      for (int j = 0; j < ascii.length(); j++) {
        if (buf[i + j] != ascii.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean startsWith(byte[] buf, int from, int to, String lowerAscii) {
    if (to - from < lowerAscii.length()) {
      return false;
    }
    for (int j = 0; j < lowerAscii.length(); j++) {
      if (Character.toLowerCase((char) buf[from + j]) != lowerAscii.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] buf, int from, int to, String lowerAscii) {
    String value = new String(buf, from, to - from, StandardCharsets.US_ASCII);
    return value.toLowerCase(Locale.ROOT).contains(lowerAscii);
  }

  private static int digits(byte[] buf, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] >= '0' && buf[i] <= '9') {
        value = value * 10 + (buf[i] - '0');
      }
    }
    return value;
  }

  private static int hex(byte[] buf, int from, int to) {
    int value = 0;
    for (int i = from; i < to && buf[i] != ';'; i++) {
      int digit = Character.digit(buf[i], 16);
      if (digit >= 0) {
        value = value * 16 + digit;
      }
    }
    return value;
  }
}
