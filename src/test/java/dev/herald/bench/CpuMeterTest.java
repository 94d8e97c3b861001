package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The meter on this JVM and a child it starts and reaps, as the postmaster does its backends. */
class CpuMeterTest {
  private static final OptionalLong SELF = OptionalLong.of(ProcessHandle.current().pid());

  private final CpuMeter meter =
      new CpuMeter(
          List.of(
              new CpuMeter.Source("tree", () -> SELF, true),
              new CpuMeter.Source("own", () -> SELF, false),
              new CpuMeter.Source("gone", OptionalLong::empty, false)));

  private static double childSeconds(CpuUse use) {
    return use.seconds().get("tree") - use.seconds().get("own");
  }

  @Test
  void countsAChildThatStartedAndExitedBetweenTheReadingsInTheTreeOnly() throws Exception {
    CpuMeter.Reading start = meter.read();
    Process child =
        new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done").start();
    child.waitFor();

    // the JDK's reaper thread collects the child's times into ours, as the postmaster does
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> childSeconds(meter.since(start)), seconds -> seconds > 0.1);
    CpuUse use = meter.since(start);
    assertThat(use.seconds().get("gone")).isNaN();
    assertThat(use.wallSeconds()).isPositive();
  }
}
