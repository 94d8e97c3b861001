package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingsTest {
  private static Settings only(String only) {
    System.setProperty("bench.only", only);
    try {
      return Settings.fromSystemProperties();
    } finally {
      System.clearProperty("bench.only");
    }
  }

  @Test
  void runsEveryPartUnlessSomeAreNamed() {
    assertThat(Settings.PARTS).allMatch(part -> only("all").runs(part));
    assertThat(Settings.PARTS).allMatch(part -> only("${bench.only}").runs(part));
  }

  @Test
  void runsOnlyTheNamedParts() {
    Settings settings = only("streams,reads");

    assertThat(settings.runs("streams")).isTrue();
    assertThat(settings.runs("reads")).isTrue();
    assertThat(settings.runs("rounds")).isFalse();
  }

  @Test
  void hasTheQuickModesDefaults() {
    Settings quick = Settings.fromSystemProperties();

    assertThat(quick.mode()).isEqualTo("quick");
    assertThat(quick.repeats()).isEqualTo(1);
    assertThat(quick.streams()).isEqualTo(2000);
  }
}
