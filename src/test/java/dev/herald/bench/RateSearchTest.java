package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateSearchTest {
  private final RateSearch search = new RateSearch(1.25, 50, 20_000, 1);

  /** A server that keeps up to {@code limit} sends/s: beyond it, the lag grows past a second. */
  private static RateSearch.Step<String> server(int limit, int offered) {
    double lag = offered <= limit ? 0.1 : 3;
    return new RateSearch.Step<>(offered, offered * 10L, 0, lag, 12, "figures");
  }

  private static List<Integer> offered(RateSearch.Result<String> result) {
    return result.steps().stream().map(RateSearch.Step::offered).toList();
  }

  @Test
  void stepsUpUntilAStepFailsThenSplitsTheGap() {
    RateSearch.Result<String> result = search.run(400, rate -> server(700, rate));

    assertThat(offered(result)).containsExactly(400, 500, 630, 790, 710);
    assertThat(result.held()).hasValue(630);
  }

  @Test
  void stepsDownWhenTheFirstStepFails() {
    RateSearch.Result<String> result = search.run(1000, rate -> server(600, rate));

    assertThat(offered(result)).containsExactly(1000, 800, 640, 510, 570);
    assertThat(result.held()).hasValue(570);
  }

  @Test
  void findsNothingWhenEvenTheLowestRateFails() {
    RateSearch.Result<String> result = search.run(100, rate -> server(10, rate));

    assertThat(offered(result)).containsExactly(100, 80, 60, 50);
    assertThat(result.held()).isEmpty();
  }

  @Test
  void stopsAtTheTopOfTheRange() {
    RateSearch.Result<String> result =
        new RateSearch(2, 50, 1000, 1).run(300, rate -> server(99_999, rate));

    assertThat(offered(result)).containsExactly(300, 600, 1000);
    assertThat(result.held()).hasValue(1000);
  }

  @Test
  void aStepFailsOnPostLatencyOrOnSendsNotAccepted() {
    assertThat(new RateSearch.Step<>(100, 1000, 0, 0.1, 25.1, "").held()).isFalse();
    assertThat(new RateSearch.Step<>(100, 1000, 2, 0.1, 10, "").held()).isFalse();
    assertThat(new RateSearch.Step<>(100, 1000, 1, 0.1, 10, "").held()).isTrue();
  }

  @Test
  void roundsRatesToTensBelowAThousandAndFiftiesAbove() {
    assertThat(RateSearch.nice(633)).isEqualTo(630);
    assertThat(RateSearch.nice(1234)).isEqualTo(1250);
    assertThat(RateSearch.nice(3)).isEqualTo(10);
  }
}
