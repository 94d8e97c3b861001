package dev.herald.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking keep-alive HTTP/1.1 connection of the {@link Generator}: one request at a time
 * (no pipelining), its answer parsed in place. The selector thread is its only user.
 */
final class Connection implements AutoCloseable {
  private static final int BUFFER = 64 * 1024;

  private final SocketChannel channel;
  private final SelectionKey key;
  private final byte[] in = new byte[BUFFER];
  private int received;
  private ByteBuffer out;
  private boolean connected;
  private long request = -1;
  private long dueNanos;

  static Connection open(Selector selector, InetSocketAddress server) throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.configureBlocking(false);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    boolean connected = channel.connect(server);
    Connection connection = new Connection(channel, selector, connected);
    connection.key.interestOps(connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
    return connection;
  }

  private Connection(SocketChannel channel, Selector selector, boolean connected)
      throws IOException {
    this.channel = channel;
    this.connected = connected;
    this.key = channel.register(selector, 0, this);
  }

  /** Sends request number {@code n}, due at {@code dueNanos} (latency counts from then). */
  void send(long n, long dueNanos, byte[] bytes) throws IOException {
    this.request = n;
    this.dueNanos = dueNanos;
    this.out = ByteBuffer.wrap(bytes);
    if (connected) {
      flush();
    }
  }

  boolean busy() {
    return request >= 0;
  }

  /** After its answer was taken: ready for the next request. */
  void idle() {
    request = -1;
    out = null;
  }

  long request() {
    return request;
  }

  long dueNanos() {
    return dueNanos;
  }

  /**
   * Acts on what the selector reported; returns the answer once it is complete (then {@link
   * #request} still says which one it answered, until {@link #idle}), else null. Throws when the
   * connection failed or the server closed it.
   */
  ResponseParser.Parsed ready() throws IOException {
    if (key.isConnectable()) {
      channel.finishConnect();
      connected = true;
      key.interestOps(SelectionKey.OP_READ);
      if (out != null) {
        flush();
      }
    }
    if (key.isValid() && key.isWritable()) {
      flush();
    }
    return key.isValid() && key.isReadable() ? read() : null;
  }

  private void flush() throws IOException {
    channel.write(out);
    key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
  }

  private ResponseParser.Parsed read() throws IOException {
    int read = channel.read(ByteBuffer.wrap(in, received, in.length - received));
    if (read < 0) {
      throw new EOFException("the server closed the connection");
    }
    received += read;
    ResponseParser.Parsed parsed = ResponseParser.parse(in, 0, received);
    if (parsed == null) {
      if (received == in.length) {
        throw new IOException("an answer larger than " + BUFFER + " bytes");
      }
      return null;
    }
    received -= parsed.consumed();
    System.arraycopy(in, parsed.consumed(), in, 0, received);
    return parsed;
  }

  @Override
  public void close() {
    key.cancel();
    try {
      channel.close();
    } catch (IOException e) {
      // a broken connection: nothing left to release
    }
  }
}
