package dev.herald.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpSettingsTest {

  @ParameterizedTest(name = "credentials {0}, security {1}, plaintext allowed {2}: refused {3}")
  @CsvSource({
    "true, none, false, true",
    "true, none, true, false",
    "true, starttls, false, false",
    "true, tls, false, false",
    "false, none, false, false",
  })
  void refusesSmtpCredentialsOverAnUnencryptedConnectionUnlessAllowed(
      boolean credentials, String security, boolean allowed, boolean refused) {
    var refusal = SmtpSettings.plaintextAuthRefusal(credentials, security, allowed);

    assertThat(refusal.isPresent()).isEqualTo(refused);
    refusal.ifPresent(
        text ->
            assertThat(text)
                .contains("HERALD_EMAIL_SECURITY")
                .contains("HERALD_EMAIL_ALLOW_PLAINTEXT_AUTH"));
  }
}
