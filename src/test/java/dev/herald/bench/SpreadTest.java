package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
  @Test
  void givesTheMedianWithMinAndMaxOfThreeRounds() {
    Spread spread = Spread.of(List.of(4100.0, 3900.0, 4400.0));

    assertThat(spread.median()).isEqualTo(4100);
    assertThat(spread.format(Figures::rate)).isEqualTo("4,100 (3,900–4,400)");
  }

  @Test
  void averagesTheMiddleTwoOfAnEvenCount() {
    assertThat(Spread.of(List.of(1.0, 2.0, 4.0, 10.0)).median()).isEqualTo(3);
  }

  @Test
  void showsOneValueAloneAndLeavesOutRoundsThatMeasuredNothing() {
    assertThat(Spread.of(List.of(12.5)).format(Figures::millis)).isEqualTo("12.5");
    assertThat(Spread.of(List.of(Double.NaN, 12.5)).format(Figures::millis)).isEqualTo("12.5");
    assertThat(Spread.of(List.of()).format(Figures::millis)).isEqualTo("n/a");
  }
}
