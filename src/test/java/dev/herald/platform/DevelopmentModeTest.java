package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevelopmentModeTest {

  @ParameterizedTest(name = "switch {0}, key file ''{1}'': on {2}")
  @CsvSource({
    "true, /keys/private.pem, true",
    "true, '', false",
    "true, '   ', false",
    "false, /keys/private.pem, false",
    "false, '', false",
  })
  void isOnOnlyWithTheSwitchAndTheKeyTogether(boolean switchedOn, String keyFile, boolean on) {
    DevelopmentMode mode = new DevelopmentMode(switchedOn, Optional.ofNullable(keyFile));

    assertThat(mode.enabled()).isEqualTo(on);
  }
}
