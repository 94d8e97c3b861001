package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One process's CPU counters from {@code /proc/<pid>/stat}, in clock ticks: its own user and system
 * time (all threads), and what its exited children used once it reaped them (cutime, cstime).
 * PostgreSQL's backends come and go: the postmaster reaps them, so their time moves from their own
 * line into its cutime and cstime, and nothing is lost between two readings.
 */
record ProcStat(long pid, long parent, long utime, long stime, long cutime, long cstime) {

  /** User and system time of the process itself. */
  long own() {
    return utime + stime;
  }

  /** Its own time and what its reaped children used. */
  long withReapedChildren() {
    return own() + cutime + cstime;
  }

  /**
   * Parses one stat line. The command name (field 2) is in parentheses and may hold spaces and
   * parentheses itself, so the fields are counted from the last ')'.
   */
  static ProcStat parse(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc stat line: " + line);
    }
    long pid = Long.parseLong(line.substring(0, line.indexOf(' ')).trim());
    // after ") ": state (field 3), ppid (4), … utime (14), stime (15), cutime (16), cstime (17)
    String[] fields = line.substring(close + 2).trim().split(" ");
    return new ProcStat(
        pid,
        Long.parseLong(fields[1]),
        Long.parseLong(fields[11]),
        Long.parseLong(fields[12]),
        Long.parseLong(fields[13]),
        Long.parseLong(fields[14]));
  }

  /** The process's counters, or empty when it has ended (or there is no /proc). */
  static Optional<ProcStat> read(long pid) {
    return read(Path.of("/proc", Long.toString(pid), "stat"));
  }

  static Optional<ProcStat> self() {
    return read(Path.of("/proc/self/stat"));
  }

  private static Optional<ProcStat> read(Path stat) {
    try {
      return Optional.of(parse(Files.readString(stat)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the process ended between listing and reading
    }
  }
}
