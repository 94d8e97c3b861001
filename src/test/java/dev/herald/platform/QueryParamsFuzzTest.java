package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.Problem.FieldError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Any query parameter value is a valid setting or a 400 validation problem naming it. */
class QueryParamsFuzzTest {

  @Property(tries = 1000)
  void readsAnyLimitAsOneToAHundredOrRefusesIt(@ForAll("numbers") String value) {
    int limit;
    try {
      limit = QueryParams.limit(value);
    } catch (ProblemException e) {
      assertInvalid(e, "limit");
      return;
    }
    assertThat(limit).isBetween(1, QueryParams.MAX_LIMIT);
  }

  @Property(tries = 100)
  void readsEveryLimitInRangeAsWritten(@ForAll @IntRange(min = 1, max = 100) int limit) {
    assertThat(QueryParams.limit(String.valueOf(limit))).isEqualTo(limit);
  }

  @Property(tries = 1000)
  void readsAnyFlagAsExactlyTrueOrFalseOrRefusesIt(@ForAll("flags") String value) {
    boolean flag;
    try {
      flag = QueryParams.flag("unread", value);
    } catch (ProblemException e) {
      assertInvalid(e, "unread");
      return;
    }
    assertThat(value).isIn(null, "", "true", "false");
    assertThat(flag).isEqualTo("true".equals(value));
  }

  @Provide
  Arbitrary<String> numbers() {
    Arbitrary<String> decorated =
        Arbitraries.integers()
            .between(-5, 200)
            .flatMap(
                n ->
                    Arbitraries.of(
                        "+" + n,
                        "0" + n,
                        " " + n,
                        n + " ",
                        n + ".0",
                        n + "e0",
                        "0x" + n,
                        n + "\u0000",
                        // digits of other scripts, which Integer.parseInt also reads
                        String.valueOf(n)
                            .chars()
                            .mapToObj(c -> Character.toString(c - '0' + '٠'))
                            .reduce("", String::concat)));
    return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
            Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
            Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
            Tuple.of(1, Arbitraries.strings().numeric().ofMaxLength(40)),
            Tuple.of(3, decorated))
        .injectNull(0.01);
  }

  @Provide
  Arbitrary<String> flags() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.strings().all().ofMaxLength(10)),
            Tuple.of(
                2,
                Arbitraries.of(
                    "true",
                    "false",
                    "TRUE",
                    "True",
                    "1",
                    "0",
                    "yes",
                    "on",
                    " true",
                    "true ",
                    "false\u0000",
                    "")))
        .injectNull(0.05);
  }

  private static void assertInvalid(ProblemException e, String parameter) {
    assertThat(e.problem().type()).isEqualTo("urn:herald:problem:validation");
    assertThat(e.problem().status()).isEqualTo(400);
    assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly(parameter);
  }
}
