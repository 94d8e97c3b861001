package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {
  private static CpuUse use() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    seconds.put(CpuUse.LIBERTY, 6.0);
    seconds.put(CpuUse.POSTGRES, 4.5);
    seconds.put(CpuUse.BROKER, 0.9);
    seconds.put(CpuUse.GENERATOR, 0.6);
    return new CpuUse(10, seconds);
  }

  @Test
  void dividesEachProcessSecondsByTheMessagesInMicroseconds() {
    assertThat(use().micros(CpuUse.LIBERTY, 10_000)).isEqualTo(600);
    assertThat(use().heraldMicros(10_000)).isEqualTo(600 + 450 + 90);
  }

  @Test
  void printsEveryProcessHeraldsSumTheGeneratorAndTheCoresBusy() {
    assertThat(use().line(10_000))
        .isEqualTo(
            "CPU µs/message: Liberty 600, PostgreSQL 450, broker 90 = Herald 1,140;"
                + " generator 60; all 1,200; 1.20 cores busy");
  }

  @Test
  void saysNotMeasuredForAProcessThatRestartedOrForNoMessages() {
    Map<String, Double> seconds = new LinkedHashMap<>(use().seconds());
    seconds.put(CpuUse.LIBERTY, Double.NaN);
    CpuUse restarted = new CpuUse(10, seconds);

    assertThat(restarted.line(10_000)).startsWith("CPU µs/message: Liberty n/a, PostgreSQL 450");
    assertThat(use().micros(CpuUse.BROKER, 0)).isNaN();
  }
}
