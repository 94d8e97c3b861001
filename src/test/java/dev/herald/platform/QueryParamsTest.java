package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsTest {

  @Test
  void defaultsTheLimit() {
    assertThat(QueryParams.limit(null)).isEqualTo(20);
  }

  @Test
  void acceptsLimitsFromOneToAHundred() {
    assertThat(QueryParams.limit("1")).isEqualTo(1);
    assertThat(QueryParams.limit("100")).isEqualTo(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "ten", "1.5", "99999999999", " 5"})
  void refusesOtherLimits(String limit) {
    assertThatThrownBy(() -> QueryParams.limit(limit)).isInstanceOf(ProblemException.class);
  }

  @Test
  void readsFlagsStrictly() {
    assertThat(QueryParams.flag("unread", "true")).isTrue();
    assertThat(QueryParams.flag("unread", "false")).isFalse();
    assertThat(QueryParams.flag("unread", null)).isFalse();
    assertThatThrownBy(() -> QueryParams.flag("unread", "yes"))
        .isInstanceOf(ProblemException.class);
  }
}
