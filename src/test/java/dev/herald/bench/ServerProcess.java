package dev.herald.bench;

import dev.herald.testing.LibertyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Liberty server the build started: stop, start, and its memory (Linux /proc and jcmd). */
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
    liberty.start();
  }

  /**
   * Records the current RSS, and the used heap every {@code HEAP_EVERY}th time, keeping the peaks:
   * jcmd starts a JVM of its own, a CPU cost the load should not share every few seconds.
   */
  void sample() {
    try {
      long pid = liberty.process().orElseThrow().pid();
      Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      if (rss.find()) {
        peakRssKb = Math.max(peakRssKb, Long.parseLong(rss.group(1)));
      }
      if (samples++ % HEAP_EVERY != 0) {
        return;
      }
      Matcher heap = HEAP_USED.matcher(output("jcmd", Long.toString(pid), "GC.heap_info"));
      if (heap.find()) {
        peakHeapKb = Math.max(peakHeapKb, Long.parseLong(heap.group(1)));
      }
    } catch (Exception e) {
      // memory figures are best effort: not every platform has /proc or jcmd
    }
  }

  String peaks() {
    return peakRssKb == 0
        ? "not measured (needs Linux /proc and jcmd)"
        : String.format("RSS %,d MiB, heap used %,d MiB", peakRssKb / 1024, peakHeapKb / 1024);
  }

  private static String output(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor(30, TimeUnit.SECONDS);
    return out;
  }
}
