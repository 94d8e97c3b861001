package dev.herald.bench;

import java.util.List;

/**
 * What one benchmark run does: {@code -Dbench.mode=quick} (a few minutes, the default) or {@code
 * full} (the figures in docs/performance.md); each value can be overridden on its own.
 */
record Settings(
    String mode,
    String only,
    int repeats,
    int connections,
    int openConnections,
    int senders,
    int warmupSeconds,
    int warmupWindowSeconds,
    int noopSeconds,
    int maxSeconds,
    int stepSeconds,
    int searchStart,
    int sustainedSeconds,
    int fixedRate,
    int fixedRateSeconds,
    int rawRecords,
    int drainRecords,
    long inboxMessages,
    int streams,
    int streamRate,
    int streamSeconds) {

  static Settings fromSystemProperties() {
    boolean full = "full".equals(System.getProperty("bench.mode", "quick"));
    return new Settings(
        full ? "full" : "quick",
        System.getProperty("bench.only", "all"),
        Integer.getInteger("bench.repeats", full ? 3 : 1),
        Integer.getInteger("bench.connections", 16),
        Integer.getInteger("bench.open.connections", 256),
        Integer.getInteger("bench.senders", 500),
        Integer.getInteger("bench.warmup", full ? 600 : 60),
        Integer.getInteger("bench.warmup.window", full ? 30 : 10),
        Integer.getInteger("bench.noop.seconds", full ? 30 : 10),
        Integer.getInteger("bench.max.seconds", full ? 60 : 15),
        Integer.getInteger("bench.step.seconds", full ? 30 : 10),
        Integer.getInteger("bench.search.start", 0),
        Integer.getInteger("bench.sustained.seconds", full ? 300 : 20),
        Integer.getInteger("bench.fixed.rate", 1000),
        Integer.getInteger("bench.fixed.seconds", full ? 60 : 15),
        Integer.getInteger("bench.raw.records", full ? 1_000_000 : 100_000),
        Integer.getInteger("bench.drain.records", full ? 1_000_000 : 50_000),
        Long.getLong("bench.inbox.messages", full ? 10_000_000L : 200_000L),
        Integer.getInteger("bench.streams", 2000),
        Integer.getInteger("bench.streams.rate", 200),
        Integer.getInteger("bench.streams.seconds", full ? 60 : 20));
  }

  /**
   * Whether a part runs: {@code bench.only} names some of rounds, baselines, drain, reads and
   * streams (comma-separated) to run only those; anything else runs them all.
   */
  boolean runs(String part) {
    List<String> named = List.of(only.split(","));
    return PARTS.stream().noneMatch(named::contains) || named.contains(part);
  }

  static final List<String> PARTS = List.of("rounds", "baselines", "drain", "reads", "streams");
}
