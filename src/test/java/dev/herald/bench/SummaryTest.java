package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  void putsTheSpreadOfEveryRoundBesideItsTargetAndSaysWhetherTheMedianMetIt() {
    Summary summary = new Summary();
    summary.record("rate", 3900);
    summary.record("rate", 4400);
    summary.record("rate", 4100);
    summary.record("p99", 31);

    summary.ranged("sustained", "rate", Figures::rate, Summary.Target.atLeast(4000, "≥ 4,000 /s"));
    summary.ranged("POST p99", "p99", Figures::millis, Summary.Target.atMost(25, "≤ 25 ms"));
    summary.row("no target", "12", "—", null);

    assertThat(summary.rows())
        .containsExactly(
            new Summary.Row("sustained", "4,100 (3,900–4,400)", "≥ 4,000 /s", true),
            new Summary.Row("POST p99", "31.0", "≤ 25 ms", false),
            new Summary.Row("no target", "12", "—", null));
  }

  @Test
  void leavesTheVerdictOpenWhenNothingWasMeasured() {
    Summary summary = new Summary();

    summary.ranged("drain", "missing", Figures::rate, Summary.Target.atLeast(1, "≥ 1"));

    assertThat(summary.rows().get(0).met()).isNull();
    assertThat(summary.rows().get(0).measured()).isEqualTo("n/a");
  }

  @Test
  void writesAMarkdownTableWithAHeaderAndOneLinePerFigure() {
    Summary summary = new Summary();
    summary.row("drain", "1,444 /s", "≥ 10,000 /s", false);

    assertThat(summary.table().lines()).hasSize(3).first().asString().startsWith("| figure");
    assertThat(summary.table()).contains("| **no**");
  }
}
