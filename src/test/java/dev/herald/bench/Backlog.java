package dev.herald.bench;

import java.util.concurrent.TimeUnit;

/**
 * The backlog drain: with Liberty stopped (so no consumer), valid envelopes go straight to the
 * topic; then Liberty starts and the consumer works the backlog off. Measured from when Liberty is
 * ready until all are stored, so that its start-up (CPU and time) does not count: the rate and the
 * CPU per message are over the messages stored in that window (the CPU until their alerts are sent
 * too).
 */
final class Backlog {
  /** What the drain measured. */
  record Drained(long messages, double seconds, CpuUse cpu, double startSeconds) {
    double perSecond() {
      return messages / seconds;
    }
  }

  private final Rig rig;
  private final RawKafka kafka;

  Backlog(Rig rig, RawKafka kafka) {
    this.rig = rig;
    this.kafka = kafka;
  }

  Drained drain(int count) throws Exception {
    String body = Payloads.BODY;
    rig.server.stop();
    long mark = rig.store.mark();
    String sender = "drain-" + rig.run;
    kafka.produce(
        "herald.messages",
        count,
        n -> "drain-" + rig.run + "-" + (n % 1000),
        n -> Payloads.envelope(sender, "drain-" + rig.run + "-" + (n % 1000), recipient(n), body),
        "drain, filling the topic");
    long start = System.nanoTime();
    rig.server.start();
    double startSeconds = (System.nanoTime() - start) / 1e9;
    long storedAtReady = rig.store.storedSince(mark);
    CpuMeter.Reading ready = rig.cpu.read();
    Progress progress = new Progress("drain", count, "messages");
    long readyNanos = System.nanoTime();
    while (rig.store.mark() - mark < count || rig.store.storedSince(mark) < count) {
      progress.update(rig.store.mark() - mark);
      TimeUnit.MILLISECONDS.sleep(250);
      if (System.nanoTime() - readyNanos > TimeUnit.HOURS.toNanos(1)) {
        throw new IllegalStateException("the backlog was not drained within an hour");
      }
    }
    double seconds = (System.nanoTime() - readyNanos) / 1e9;
    rig.store.awaitAlertsDone(1800); // their alerts are part of their cost
    CpuUse cpu = rig.cpu.since(ready);
    Drained drained = new Drained(count - storedAtReady, seconds, cpu, startSeconds);
    Report.print(
        "backlog drain (Liberty stopped, records to the topic, Liberty started: %.0f s):"
            + " %,d messages stored in %.1f s after it was ready = %s /s",
        startSeconds, drained.messages(), seconds, Figures.rate(drained.perSecond()));
    Report.print("  %s", cpu.line(drained.messages()));
    return drained;
  }

  private static String recipient(int n) {
    return "drain-rcpt-" + (n % 5000);
  }
}
