package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenAudienceTest {
  @Test
  void countsAnAudienceAsMissingWhenNoneOrOnlyBlanksAreConfigured() {
    assertThat(TokenAudience.missing(Optional.empty())).isTrue();
    assertThat(TokenAudience.missing(Optional.of(List.of()))).isTrue();
    assertThat(TokenAudience.missing(Optional.of(List.of(" ")))).isTrue();
    assertThat(TokenAudience.missing(Optional.of(List.of("herald")))).isFalse();
  }
}
