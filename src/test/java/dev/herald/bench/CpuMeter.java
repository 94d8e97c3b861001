package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of the processes that share the machine in a phase, read from /proc at its start and
 * end: who pays for each message, whatever the generator could or could not send.
 */
final class CpuMeter {
  /** A process to count, found anew at each reading (Liberty restarts in the drain phase). */
  record Source(String name, Supplier<OptionalLong> pid, boolean withChildren) {}

  /** What one reading found: per source, the pid it read and its CPU ticks. */
  record Reading(long nanos, Map<String, long[]> pidAndTicks) {}

  private static final double TICKS_PER_SECOND = clockTicks();
  private final List<Source> sources;

  CpuMeter(List<Source> sources) {
    this.sources = sources;
  }

  Reading read() {
    Map<String, long[]> counted = new LinkedHashMap<>();
    for (Source source : sources) {
      OptionalLong pid = source.pid().get();
      if (pid.isPresent()) {
        long ticks = source.withChildren() ? treeTicks(pid.getAsLong()) : ownTicks(pid.getAsLong());
        counted.put(source.name(), new long[] {pid.getAsLong(), ticks});
      }
    }
    return new Reading(System.nanoTime(), counted);
  }

  /**
   * CPU seconds per source since {@code start}; NaN for a source that was not running at both
   * readings or was another process at the end (a restart).
   */
  CpuUse since(Reading start) {
    Reading end = read();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (Source source : sources) {
      long[] before = start.pidAndTicks().get(source.name());
      long[] after = end.pidAndTicks().get(source.name());
      boolean same = before != null && after != null && before[0] == after[0];
      seconds.put(source.name(), same ? (after[1] - before[1]) / TICKS_PER_SECOND : Double.NaN);
    }
    return new CpuUse((end.nanos() - start.nanos()) / 1e9, seconds);
  }

  private static long ownTicks(long pid) {
    return ProcStat.read(pid).map(ProcStat::own).orElse(0L);
  }

  /**
   * The process, what its exited children used, and its live children: a backend alive at the start
   * that exits before the end moves from the live sum into the parent's reaped time. A child reaped
   * while this reads would be counted in neither (or both), so the reading is taken again until the
   * set of children is the same before and after the parent's line.
   */
  private static long treeTicks(long pid) {
    for (int attempt = 0; ; attempt++) {
      Map<Long, ProcStat> before = children(pid);
      long own = ProcStat.read(pid).map(ProcStat::withReapedChildren).orElse(0L);
      Map<Long, ProcStat> after = children(pid);
      if (before.keySet().equals(after.keySet()) || attempt == 10) {
        return own + after.values().stream().mapToLong(ProcStat::withReapedChildren).sum();
      }
    }
  }

  private static Map<Long, ProcStat> children(long parent) {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
          .map(name -> ProcStat.read(Long.parseLong(name)))
          .flatMap(Optional::stream)
          .filter(s -> s.parent() == parent)
          .collect(Collectors.toMap(ProcStat::pid, s -> s));
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static double clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
    } catch (IOException | RuntimeException e) {
      return 100; // Linux's USER_HZ nearly everywhere
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
