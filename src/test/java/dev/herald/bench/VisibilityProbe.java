package dev.herald.bench;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Watches what the probe recipients see and notes when each message first became visible to them
 * (committed, and readable as they read it): POST→visible is that time minus when the send was due.
 * Two ways: the live stream (an event only after commit) once the server has one, else polling the
 * committed deliveries.
 */
interface VisibilityProbe extends AutoCloseable {
  /** Starts watching these users (before anything is sent to them). */
  void watch(List<String> users) throws Exception;

  /** When each message id was first seen, in this JVM's {@code System.nanoTime}. */
  Map<UUID, Long> seen();

  /** How it watches, for the output. */
  String describe();

  @Override
  void close();
}
