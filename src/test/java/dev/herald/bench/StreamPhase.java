package dev.herald.bench;

import dev.herald.testing.Herald;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Live streams at scale (issue 13): {@code bench.streams} streams open on the one instance, one per
 * user, while {@code bench.streams.rate} messages/s are sent to those users: POST→event, and
 * Liberty's heap (live, after a full collection) and RSS without and with the streams.
 */
final class StreamPhase {
  /** What the phase measured. */
  record Measured(
      int streams,
      int open,
      SendFigures sends,
      long heapWithoutKb,
      long heapWithKb,
      long rssWithoutKb,
      long rssWithKb) {}

  private final Rig rig;

  StreamPhase(Rig rig) {
    this.rig = rig;
  }

  /** Whether the server has live streams: without a token they answer 401, not 404. */
  static boolean available() {
    return Herald.anonymous().get("api/stream").status() != 404;
  }

  Measured run() throws Exception {
    int count = rig.settings.streams();
    List<String> users =
        IntStream.range(0, count).mapToObj(i -> "live-" + rig.run + "-" + i).toList();
    List<String> tokens = Rig.tokens(users, "stream users' tokens");
    long heapWithout = rig.server.heapUsedKb(true);
    long rssWithout = rig.server.rssKb();
    try (LiveStreams streams = new LiveStreams(rig.base())) {
      streams.open(tokens);
      int open = streams.awaitOpen(count, 600);
      long heapWith = rig.server.heapUsedKb(true);
      long rssWith = rig.server.rssKb();
      Requests requests =
          Requests.sends(
              rig.base(),
              rig.base().getRawPath() + "api/messages",
              rig.senders(),
              new Audience(List.of(), users, 1),
              count);
      SendFigures sends =
          new SendPhases(rig)
              .openLoop(
                  "streams",
                  rig.settings.streamRate(),
                  SendPhases.seconds(rig.settings.streamSeconds()),
                  requests,
                  streams);
      Measured measured =
          new Measured(count, open, sends, heapWithout, heapWith, rssWithout, rssWith);
      print(measured, streams);
      return measured;
    }
  }

  private static void print(Measured m, LiveStreams streams) {
    Report.print(
        "live streams: %,d opened (%,d open, %,d refused, %,d reopened), %s messages/s offered"
            + " to their users for %.0f s: accepted %s /s%s",
        m.streams(),
        m.open(),
        streams.refused.get(),
        streams.reopened.get(),
        Figures.rate(m.sends().offered()),
        m.sends().load().seconds,
        Figures.rate(m.sends().load().acceptedPerSecond()),
        Report.notAccepted(m.sends().load()));
    streams.refusals.forEach((why, count) -> Report.print("  refused %,d times: %s", count, why));
    Report.print(
        "  POST→event p50/p99/p999 %s (%,d of %,d messages seen on their streams)",
        Figures.latencies(m.sends().visible().micros()),
        m.sends().visible().seen(),
        m.sends().visible().probed());
    Report.print(
        "  Liberty without / with the streams: heap after a full GC %,d / %,d MiB, RSS %,d /"
            + " %,d MiB",
        m.heapWithoutKb() / 1024,
        m.heapWithKb() / 1024,
        m.rssWithoutKb() / 1024,
        m.rssWithKb() / 1024);
    Report.print("  %s", m.sends().cpu().line(m.sends().accepted()));
  }
}
