package dev.herald.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The phases that send: each measures the load, then waits until what it sent is stored and its
 * alerts are sent, so that the CPU it reports is the whole cost of its messages and the next phase
 * starts from an empty backlog.
 */
final class SendPhases {
  private static final long STORE_TIMEOUT_SECONDS = 900;
  private static final long ALERTS_TIMEOUT_SECONDS = 1800;
  private static final long VISIBLE_TIMEOUT_SECONDS = 300;

  private final Rig rig;
  private final ExecutorService endOfSending =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "end-of-sending");
            thread.setDaemon(true);
            return thread;
          });

  SendPhases(Rig rig) {
    this.rig = rig;
  }

  /** The limit: the same POST without Kafka, closed loop. */
  SendFigures noop() throws Exception {
    Requests requests = rig.sends("api/dev/noop-send");
    CpuMeter.Reading start = rig.cpu.read();
    LoadResult load =
        rig.generator(Progress.NONE)
            .closedLoop(requests, rig.settings.connections(), seconds(rig.settings.noopSeconds()));
    CpuUse cpu = rig.cpu.since(start);
    return new SendFigures(
        "no-op", 0, load, 0, 0, 0, load.visibility(rig.probe.seen(), requests), cpu);
  }

  /** As fast as answers come back, on the closed-loop connections. */
  SendFigures maximum() throws Exception {
    Requests requests = rig.sends("api/messages");
    return measure(
        "maximum",
        0,
        Progress.NONE,
        requests,
        rig.probe,
        generator ->
            generator.closedLoop(
                requests, rig.settings.connections(), seconds(rig.settings.maxSeconds())));
  }

  /**
   * {@code perSecond} sends offered, open loop, for {@code duration}; with progress lines when it
   * is long.
   */
  SendFigures openLoop(String name, int perSecond, Duration duration) throws Exception {
    return openLoop(name, perSecond, duration, rig.sends("api/messages"), rig.probe);
  }

  /** The same with other requests and another visibility probe (the live streams' phase). */
  SendFigures openLoop(
      String name, int perSecond, Duration duration, Requests requests, VisibilityProbe probe)
      throws Exception {
    long planned = perSecond * duration.toSeconds();
    return measure(
        name,
        perSecond,
        duration.toSeconds() > 60 ? new Progress(name, planned, "sends") : Progress.NONE,
        requests,
        probe,
        generator ->
            generator.openLoop(requests, perSecond, duration, rig.settings.openConnections()));
  }

  /**
   * Runs the load, counting what was stored when its last send went out (the lag is what had been
   * accepted by the end minus that), then waits until all is stored and alerted.
   */
  private SendFigures measure(
      String name,
      int offered,
      Progress progress,
      Requests requests,
      VisibilityProbe probe,
      Load load)
      throws Exception {
    long mark = rig.store.mark();
    CpuMeter.Reading start = rig.cpu.read();
    CompletableFuture<Long> storedWhenAllSent = new CompletableFuture<>();
    Generator generator =
        rig.generator(progress)
            .whenAllSent(
                () ->
                    endOfSending.execute(
                        () -> {
                          try {
                            storedWhenAllSent.complete(rig.store.storedSince(mark));
                          } catch (Exception e) {
                            storedWhenAllSent.completeExceptionally(e);
                          }
                        }));
    LoadResult result = load.run(generator);
    long storedAtEnd = storedWhenAllSent.get();
    double caughtUp =
        rig.store.awaitStored(mark, result.accepted(), STORE_TIMEOUT_SECONDS, name + ", storing");
    double alerts = rig.store.awaitAlertsDone(ALERTS_TIMEOUT_SECONDS);
    LoadResult.Visibility visible = awaitSeen(result, requests, probe, name);
    CpuUse cpu = rig.cpu.since(start);
    return new SendFigures(name, offered, result, storedAtEnd, caughtUp, alerts, visible, cpu);
  }

  /**
   * Waits until the probe has seen every probed message (at most {@code VISIBLE_TIMEOUT_SECONDS}):
   * stored is not yet seen, a live stream's events may come later, and what comes later is the tail
   * of the figure.
   */
  private static LoadResult.Visibility awaitSeen(
      LoadResult result, Requests requests, VisibilityProbe probe, String name)
      throws InterruptedException {
    long start = System.nanoTime();
    LoadResult.Visibility visible = result.visibility(probe.seen(), requests);
    Progress progress = new Progress(name + ", awaiting visibility", visible.probed(), "messages");
    while (visible.seen() < visible.probed()
        && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(VISIBLE_TIMEOUT_SECONDS)) {
      progress.update(visible.seen());
      TimeUnit.MILLISECONDS.sleep(200);
      visible = result.visibility(probe.seen(), requests);
    }
    return visible;
  }

  private interface Load {
    LoadResult run(Generator generator) throws IOException;
  }

  static Duration seconds(int seconds) {
    return Duration.ofSeconds(seconds);
  }
}
