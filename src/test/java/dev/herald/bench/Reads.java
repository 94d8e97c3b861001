package dev.herald.bench;

import static dev.herald.bench.Figures.latencies;
import static dev.herald.bench.Figures.millis;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Reads at scale: the inbox's first page and its counts for random users among 100,000, once the
 * log holds {@code bench.inbox.messages} messages (seeded once, reused by later runs). Warmed with
 * as many requests as are measured: the read path is compiled under load too.
 */
final class Reads {
  private static final int REQUESTS = 3000;
  private static final String PAGE = "api/inbox?limit=20";
  private static final String COUNTS = "api/inbox/counts";

  /** What the reads measured, and at how many messages. */
  record Measured(long messages, Histogram page, Histogram counts, CpuUse cpu) {
    void summarize(Summary summary) {
      String at = String.format(" (%,d messages)", messages);
      double page99 = Figures.ms(page, 99);
      double counts99 = Figures.ms(counts, 99);
      summary.row(
          "GET /api/inbox?limit=20 p99" + at,
          millis(page99) + " ms",
          "≤ 5 ms at 10 M",
          page99 <= 5);
      summary.row(
          "GET /api/inbox/counts p99" + at,
          millis(counts99) + " ms",
          "≤ 5 ms at 10 M",
          counts99 <= 5);
    }
  }

  private final Rig rig;

  Reads(Rig rig) {
    this.rig = rig;
  }

  Measured measure() throws Exception {
    InboxScale inbox = new InboxScale(rig.db, rig.dbUser, rig.dbPassword);
    long seeded = inbox.seed(rig.settings.inboxMessages());
    List<String> readers = InboxScale.tokens(200);
    inbox.measure(PAGE, REQUESTS, readers);
    inbox.measure(COUNTS, REQUESTS, readers);
    CpuMeter.Reading start = rig.cpu.read();
    Histogram page = inbox.measure(PAGE, REQUESTS, readers);
    Histogram counts = inbox.measure(COUNTS, REQUESTS, readers);
    CpuUse cpu = rig.cpu.since(start);
    Report.print(
        "reads with %,d seeded messages among %,d users (one connection, %,d requests each):",
        seeded, InboxScale.USERS, REQUESTS);
    Report.print("  GET /api/inbox?limit=20   p50/p99/p999 %s", latencies(page));
    Report.print("  GET /api/inbox/counts     p50/p99/p999 %s", latencies(counts));
    Report.print("  %s", cpu.line(2L * REQUESTS, "request"));
    return new Measured(seeded, page, counts, cpu);
  }
}
