package dev.herald.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@link Generator}'s connections and results in one phase: a send goes out on an idle
 * connection or a new one (up to the limit), answers are read as the selector reports them, and a
 * connection the server closes (Liberty does after 100 requests) is replaced on demand.
 */
final class ConnectionPool implements AutoCloseable {
  final LoadResult result = new LoadResult();
  private final InetSocketAddress server;
  private final Requests requests;
  private final int maxConnections;
  private final Selector selector = Selector.open();
  private final List<Connection> open = new ArrayList<>();
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();

  ConnectionPool(InetSocketAddress server, Requests requests, int maxConnections)
      throws IOException {
    this.server = server;
    this.requests = requests;
    this.maxConnections = maxConnections;
  }

  boolean canSend() {
    return !idle.isEmpty() || open.size() < maxConnections;
  }

  int busy() {
    return open.size() - idle.size();
  }

  void send(long n, long dueNanos) throws IOException {
    Connection connection = idle.pollFirst();
    if (connection == null) {
      connection = Connection.open(selector, server);
      open.add(connection);
      result.connectionsOpened++;
    }
    try {
      connection.send(n, dueNanos, requests.bytes(n));
    } catch (IOException e) {
      fail(connection);
    }
  }

  void select(long millis) throws IOException {
    selector.select(millis);
    for (SelectionKey key : selector.selectedKeys()) {
      Connection connection = (Connection) key.attachment();
      try {
        ResponseParser.Parsed answer = connection.ready();
        if (answer != null) {
          answered(connection, answer);
        }
      } catch (IOException e) {
        fail(connection);
      }
    }
    selector.selectedKeys().clear();
  }

  private void answered(Connection connection, ResponseParser.Parsed answer) {
    long request = connection.request();
    long due = connection.dueNanos();
    connection.idle();
    if (request < 0) {
      drop(connection); // an answer nobody asked for: not a connection to trust
      return;
    }
    result.latencyMicros.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
    UUID id = answer.status() == 202 ? JsonIds.first(answer.body(), JsonIds.ID) : null;
    if (id != null) {
      result.accept(id, due, request);
    } else {
      result.rejected++;
    }
    if (answer.closes()) {
      drop(connection);
    } else {
      idle.addLast(connection);
    }
  }

  /** A busy connection that broke lost its request; an idle one the server closed did not. */
  private void fail(Connection connection) {
    if (connection.busy()) {
      result.failed++;
    }
    drop(connection);
  }

  private void drop(Connection connection) {
    connection.close();
    open.remove(connection);
    idle.remove(connection);
  }

  LoadResult finish(long start) {
    result.seconds = (System.nanoTime() - start) / 1e9;
    result.failed += busy();
    return result;
  }

  @Override
  public void close() throws IOException {
    open.forEach(Connection::close);
    selector.close();
  }
}
