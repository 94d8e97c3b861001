package dev.herald.bench;

import dev.herald.testing.Herald;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Liberty server the build started: stop, start, and its memory (Linux /proc and jcmd). */
final class ServerProcess {
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
  private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap.*used (\\d+)K");

  private final Path wlp = Path.of(System.getProperty("herald.it.liberty.dir"));
  private long peakRssKb;
  private long peakHeapKb;

  void stop() throws Exception {
    run(wlp.resolve("bin/server").toString(), "stop", "herald");
  }

  void start() throws Exception {
    run(wlp.resolve("bin/server").toString(), "start", "herald");
    Herald.awaitReadyAgain();
  }

  /** Records the current RSS and used heap, keeping the peaks. */
  void sample() {
    try {
      long pid = pid();
      Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      if (rss.find()) {
        peakRssKb = Math.max(peakRssKb, Long.parseLong(rss.group(1)));
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

  private long pid() throws Exception {
    return Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/herald.pid")).trim());
  }

  private static void run(String... command) throws Exception {
    Process process =
        new ProcessBuilder(List.of(command))
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(Path.of("target", "bench.log").toFile()))
            .start();
    if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  private static String output(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor(30, TimeUnit.SECONDS);
    return out;
  }
}
