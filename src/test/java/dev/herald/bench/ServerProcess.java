package dev.herald.bench;

import dev.herald.testing.Herald;
import dev.herald.testing.LibertyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/** The Liberty server the build started: stop, start, its pid and memory (/proc and jcmd). */
final class ServerProcess {
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
  private static final int HEAP_EVERY = 6;
  private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap.*used (\\d+)K");

  private final LibertyServer liberty = new LibertyServer(Path.of("target", "bench.log"));
  private long peakRssKb;
  private long peakHeapKb;
  private int samples;

  void stop() throws Exception {
    liberty.stop();
  }

  void start() throws Exception {
    try {
      liberty.start();
    } catch (ConditionTimeoutException e) {
      awaitReady();
    }
  }

  /**
   * Waits until Herald is ready, for up to ten minutes: on a busy two-core machine the application
   * has taken 2.5 minutes to start, longer than the tests' helper waits.
   */
  static void awaitReady() {
    for (int attempt = 1; ; attempt++) {
      try {
        Herald.awaitReady();
        return;
      } catch (ConditionTimeoutException e) {
        if (attempt == 5) {
          throw e;
        }
        Report.print("  … Herald not ready after %d min; waiting on", 2 * attempt);
      }
    }
  }

  OptionalLong pid() {
    try {
      return liberty.process().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    } catch (Exception e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Records the current RSS, and the used heap every {@code HEAP_EVERY}th time, keeping the peaks:
   * jcmd starts a JVM of its own, a CPU cost the load should not share every few seconds.
   */
  void sample() {
    peakRssKb = Math.max(peakRssKb, rssKb());
    if (samples++ % HEAP_EVERY == 0) {
      peakHeapKb = Math.max(peakHeapKb, heapUsedKb(false));
    }
  }

  String peaks() {
    return peakRssKb == 0
        ? "not measured (needs Linux /proc and jcmd)"
        : String.format("RSS %,d MiB, heap used %,d MiB", peakRssKb / 1024, peakHeapKb / 1024);
  }

  /** Resident memory now, in KiB (0 when unknown). */
  long rssKb() {
    try {
      String status = Files.readString(Path.of("/proc/" + pid().orElseThrow() + "/status"));
      Matcher rss = RSS.matcher(status);
      return rss.find() ? Long.parseLong(rss.group(1)) : 0;
    } catch (Exception e) {
      return 0; // memory figures are best effort: not every platform has /proc
    }
  }

  /** Used heap in KiB, after a full collection if asked (what is live, not what awaits GC). */
  long heapUsedKb(boolean afterFullGc) {
    try {
      String pid = Long.toString(pid().orElseThrow());
      if (afterFullGc) {
        output("jcmd", pid, "GC.run");
      }
      Matcher heap = HEAP_USED.matcher(output("jcmd", pid, "GC.heap_info"));
      return heap.find() ? Long.parseLong(heap.group(1)) : 0;
    } catch (Exception e) {
      return 0; // best effort: jcmd may be missing
    }
  }

  private static String output(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor(30, TimeUnit.SECONDS);
    return out;
  }
}
