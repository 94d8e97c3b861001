package dev.herald.bench;

/**
 * What one benchmark run does: {@code -Dbench.mode=quick} (a few minutes, the default) or {@code
 * full} (the figures in docs/performance.md); each value can be overridden on its own.
 */
record Settings(
    String mode,
    int connections,
    int warmupSeconds,
    int warmupWindowSeconds,
    int noopSeconds,
    int maxSeconds,
    int sustainedSeconds,
    int sustainedRate,
    int fixedRate,
    int fixedRateSeconds,
    int rawRecords,
    int drainRecords,
    long inboxMessages) {

  static Settings fromSystemProperties() {
    boolean full = "full".equals(System.getProperty("bench.mode", "quick"));
    return new Settings(
        full ? "full" : "quick",
        Integer.getInteger("bench.connections", 16),
        Integer.getInteger("bench.warmup", full ? 600 : 60),
        Integer.getInteger("bench.warmup.window", full ? 30 : 10),
        Integer.getInteger("bench.noop.seconds", full ? 30 : 10),
        Integer.getInteger("bench.max.seconds", full ? 60 : 15),
        Integer.getInteger("bench.sustained.seconds", full ? 300 : 20),
        Integer.getInteger("bench.sustained.rate", 0),
        Integer.getInteger("bench.fixed.rate", 1000),
        Integer.getInteger("bench.fixed.seconds", full ? 60 : 15),
        Integer.getInteger("bench.raw.records", full ? 1_000_000 : 100_000),
        Integer.getInteger("bench.drain.records", full ? 1_000_000 : 50_000),
        Long.getLong("bench.inbox.messages", full ? 10_000_000L : 200_000L));
  }
}
