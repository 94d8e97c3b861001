package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void saysDoneOfTotalTheRateAndWhenItWillBeDone() {
    assertThat(Progress.line("drain", 250_000, 1_000_000, "messages", 100))
        .isEqualTo("  … drain: 250,000 of 1,000,000 messages (25 %), 2,500 /s, ETA 5 min 00 s");
  }

  @Test
  void leavesOutTheEtaWhenNothingMovedOrAllIsDone() {
    assertThat(Progress.line("seeding", 0, 10, "messages", 10))
        .isEqualTo("  … seeding: 0 of 10 messages (0 %), 0 /s");
    assertThat(Progress.line("seeding", 10, 10, "messages", 10))
        .isEqualTo("  … seeding: 10 of 10 messages (100 %), 1 /s");
  }

  @Test
  void saysWhatIsDoneWhenThereIsNoTotal() {
    assertThat(Progress.line("warm-up, window 3", 12_340, 0, "sends", 10))
        .isEqualTo("  … warm-up, window 3: 12,340 sends, 1,234 /s");
  }

  @Test
  void writesShortDurationsInSeconds() {
    assertThat(Progress.duration(42.4)).isEqualTo("42 s");
    assertThat(Progress.duration(3725)).isEqualTo("62 min 05 s");
  }
}
