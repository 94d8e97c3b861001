package dev.herald.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One live stream's connection, non-blocking: {@code GET /api/stream} with the user's bearer token
 * (and Last-Event-ID on a reconnect), the answer's head, then its body as Server-Sent Events for as
 * long as it lasts. Used by the {@link LiveStreams} thread only.
 */
final class StreamConnection implements AutoCloseable {
  private static final int READ = 16 * 1024;

  private final String token;
  private final SseEvents events;
  private final ByteBuffer in = ByteBuffer.allocate(READ);
  private SocketChannel channel;
  private SelectionKey key;
  private ByteBuffer out;
  private byte[] head = new byte[0];
  private ChunkedBody body;
  private int status;

  StreamConnection(String token, SseEvents.Listener listener) {
    this.token = token;
    this.events = new SseEvents(listener);
  }

  void open(Selector selector, URI base) throws IOException {
    String request =
        "GET "
            + base.getRawPath()
            + "api/stream HTTP/1.1\r\nHost: "
            + base.getHost()
            + ':'
            + base.getPort()
            + "\r\nAuthorization: Bearer "
            + token
            + "\r\nAccept: text/event-stream\r\n"
            + (events.lastId() == null ? "" : "Last-Event-ID: " + events.lastId() + "\r\n")
            + "\r\n";
    out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
    head = new byte[0];
    body = null;
    status = 0;
    channel = SocketChannel.open();
    channel.configureBlocking(false);
    boolean connected = channel.connect(new InetSocketAddress(base.getHost(), base.getPort()));
    key = channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT);
    key.attach(this);
  }

  /** The answer's status once its head arrived (200: the stream is open), else 0. */
  int status() {
    return status;
  }

  /** Acts on what the selector reported; throws when the stream ended or broke. */
  void ready() throws IOException {
    if (key.isConnectable()) {
      channel.finishConnect();
      key.interestOps(SelectionKey.OP_WRITE);
    }
    if (key.isValid() && key.isWritable()) {
      channel.write(out);
      if (!out.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }
    if (key.isValid() && key.isReadable()) {
      read();
    }
  }

  private void read() throws IOException {
    in.clear();
    int read = channel.read(in);
    if (read < 0) {
      throw new EOFException("the server ended the stream");
    }
    if (body != null) {
      body.feed(in.array(), 0, read);
    } else {
      head(read);
    }
    if (body != null && body.ended()) {
      throw new EOFException("the server ended the stream");
    }
  }

  /** Collects the answer's head; what follows it is the start of the body. */
  private void head(int read) throws IOException {
    int had = head.length;
    head = Arrays.copyOf(head, had + read);
    System.arraycopy(in.array(), 0, head, had, read);
    int end = ResponseParser.indexOf(head, 0, head.length, "\r\n\r\n");
    if (end < 0) {
      return;
    }
    String text = new String(head, 0, end, StandardCharsets.US_ASCII);
    status = Integer.parseInt(text.substring(9, 12));
    if (status != 200) {
      String body = new String(head, end + 4, head.length - end - 4, StandardCharsets.UTF_8);
      throw new IOException(status + " " + body.substring(0, Math.min(300, body.length())));
    }
    boolean chunked =
        text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
    body = new ChunkedBody(chunked, events);
    body.feed(head, end + 4, head.length);
  }

  @Override
  public void close() {
    if (key != null) {
      key.cancel();
    }
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // a broken connection: nothing left to release
    }
  }
}
