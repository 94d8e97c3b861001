package dev.herald.signing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigningKeysTest {
  static final String SECRET = "a production secret of at least 32 bytes";
  static final String DEVELOPMENT = "development-only-herald-record-signing-key-2";

  @Test
  void refusesToStartWithoutAKeyNamingTheSetting() {
    assertThatThrownBy(() -> SigningKeys.of(null, null, null, null, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HERALD_SIGNING_SECRET");
  }

  @Test
  void refusesThePublishedDevelopmentKeyUnlessDevelopmentIsSwitchedOn() {
    assertThatThrownBy(() -> SigningKeys.of("dev-2", DEVELOPMENT, null, null, false))
        .hasMessageContaining("HERALD_SIGNING_SECRET is a published development key");
    assertThatThrownBy(() -> SigningKeys.of("k2", SECRET, "dev-1", DEVELOPMENT, false))
        .hasMessageContaining("HERALD_SIGNING_PREVIOUS_SECRET is a published development key");
    assertThat(SigningKeys.of("dev-2", DEVELOPMENT, null, null, true).current().id())
        .isEqualTo("dev-2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "secret too short        | k1 | short secret |      |        | HERALD_SIGNING_SECRET must be at least 32 bytes",
        "id without secret       | k1 |              |      |        | must be set together",
        "secret without id       |    | " + SECRET + " |    |        | must be set together",
        "id with a space         | k 1 | "
            + SECRET
            + " |   |        | HERALD_SIGNING_KEY_ID must be 1 to 64",
        "previous same id        | k1 | " + SECRET + " | k1 | " + SECRET + " | must differ",
        "previous half set       | k1 | " + SECRET + " | k0 |        | must be set together",
      })
  void refusesAnIncompleteOrWeakConfiguration(
      String what, String id, String secret, String previousId, String previousSecret, String why) {
    assertThatThrownBy(() -> SigningKeys.of(id, secret, previousId, previousSecret, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(why);
  }

  @Test
  void acceptsOnlyTheCurrentAndThePreviousKey() {
    SigningKeys keys = SigningKeys.of("k2", SECRET, "k1", SECRET + " (old)", false);

    assertThat(keys.accepted("k2")).contains(keys.current());
    assertThat(keys.accepted("k1")).isPresent();
    assertThat(keys.accepted("k0")).isEmpty();
    assertThat(keys.accepted(null)).isEmpty();
  }

  @Test
  void neverShowsTheSecret() {
    assertThat(SigningKeys.of("k1", SECRET, null, null, false).current().toString())
        .doesNotContain(SECRET)
        .contains("k1");
  }
}
