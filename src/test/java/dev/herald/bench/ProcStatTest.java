package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  private static final String POSTMASTER =
      "4848 (postgres) S 1 4848 4848 0 -1 4194560 9216 215871 0 1 1234 567 8901 2345 20 0 1 0"
          + " 1932 226918400 7122 18446744073709551615 1 1 0 0 0 0 0 4096 536887815 0 0 0 17 1 0"
          + " 0 0 0 0";

  @Test
  void readsParentAndTimesOfItselfAndItsReapedChildren() {
    ProcStat stat = ProcStat.parse(POSTMASTER);

    assertThat(stat).isEqualTo(new ProcStat(4848, 1, 1234, 567, 8901, 2345));
    assertThat(stat.own()).isEqualTo(1234 + 567);
    assertThat(stat.withReapedChildren()).isEqualTo(1234 + 567 + 8901 + 2345);
  }

  @Test
  void countsFieldsFromTheLastParenthesisOfACommandWithSpacesAndParentheses() {
    String line = "77 (java (main) x) R 12 77 77 0 -1 0 0 0 0 0 50 60 70 80 20 0 30 0 1 2 3";

    assertThat(ProcStat.parse(line)).isEqualTo(new ProcStat(77, 12, 50, 60, 70, 80));
  }

  @Test
  void refusesALineThatIsNotAStatLine() {
    assertThatThrownBy(() -> ProcStat.parse("no parentheses here"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsThisProcess() {
    assertThat(ProcStat.self()).hasValueSatisfying(s -> assertThat(s.pid()).isPositive());
  }
}
