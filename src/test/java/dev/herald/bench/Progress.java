package dev.herald.bench;

/**
 * A line every ten seconds or so during a long phase (done of total, rate, ETA), so that a run that
 * takes minutes is not taken for one that hangs. Short phases print only their figures.
 */
final class Progress {
  static final Progress NONE = new Progress("", 0, "", Long.MAX_VALUE);
  private static final long EVERY_NANOS = 10_000_000_000L;

  private final String label;
  private final long total;
  private final String unit;
  private final long everyNanos;
  private final long start = System.nanoTime();
  private long lastPrinted = start;

  Progress(String label, long total, String unit) {
    this(label, total, unit, EVERY_NANOS);
  }

  private Progress(String label, long total, String unit, long everyNanos) {
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.everyNanos = everyNanos;
  }

  /** Prints a line if the last one is ten seconds old; cheap enough to call in a loop. */
  void update(long done) {
    long now = System.nanoTime();
    if (now - lastPrinted >= everyNanos) {
      lastPrinted = now;
      System.out.println(line(label, done, total, unit, (now - start) / 1e9));
    }
  }

  static String line(String label, long done, long total, String unit, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    if (total <= 0) {
      return String.format("  … %s: %,d %s, %,.0f /s", label, done, unit, rate);
    }
    String line =
        String.format(
            "  … %s: %,d of %,d %s (%.0f %%), %,.0f /s",
            label, done, total, unit, total == 0 ? 0 : 100.0 * done / total, rate);
    return rate > 0 && total > done ? line + ", ETA " + duration((total - done) / rate) : line;
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 120 ? s + " s" : String.format("%d min %02d s", s / 60, s % 60);
  }
}
