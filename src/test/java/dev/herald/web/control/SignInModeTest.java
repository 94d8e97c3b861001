package dev.herald.web.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.DevelopmentMode;
import dev.herald.web.entity.WebConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInModeTest {

  static SignInMode mode(boolean devTokens, String webIssuer, String tokenIssuer) {
    SignInMode mode = new SignInMode();
    mode.development = new DevelopmentMode(devTokens, Optional.of("private.pem"));
    mode.issuer = Optional.ofNullable(webIssuer);
    mode.tokenIssuer = Optional.ofNullable(tokenIssuer);
    mode.clientId = "herald-web";
    mode.scope = "openid";
    mode.devAlerts = Optional.empty();
    return mode;
  }

  @Test
  void signsInWithDevTokensWhereverTheDevTokenEndpointIsEnabled() {
    SignInMode mode = mode(true, "https://id.example.org/realms/herald", "herald-dev");
    assertThat(mode.config()).isEqualTo(WebConfig.dev(null));
    assertThat(mode.issuerOrigin()).isEmpty();
  }

  @Test
  void linksTheDevelopmentAlertSinksInDevModeOnly() {
    SignInMode dev = mode(true, null, "herald-dev");
    dev.devAlerts = Optional.of("http://localhost:3026/");
    SignInMode oidc = mode(false, "https://id.example.org", "herald-dev");
    oidc.devAlerts = Optional.of("http://localhost:3026/");

    assertThat(dev.config().devAlerts()).isEqualTo("http://localhost:3026/");
    assertThat(oidc.config().devAlerts()).isNull();
  }

  @Test
  void signsInWithTheConfiguredIssuerOtherwise() {
    SignInMode mode = mode(false, "https://id.example.org/realms/herald/", "herald-dev");
    assertThat(mode.config())
        .isEqualTo(WebConfig.oidc("https://id.example.org/realms/herald", "herald-web", "openid"));
    assertThat(mode.issuerOrigin()).contains("https://id.example.org");
  }

  @Test
  void fallsBackToTheIssuerWhoseTokensTheApiAccepts() {
    SignInMode mode = mode(false, null, "http://localhost:8090/default");
    assertThat(mode.config().issuer()).isEqualTo("http://localhost:8090/default");
    assertThat(mode.issuerOrigin()).contains("http://localhost:8090");
  }

  @Test
  void namesNoIssuerWhenNoneIsAUrl() {
    SignInMode mode = mode(false, null, "herald-dev");
    assertThat(mode.config()).isEqualTo(WebConfig.oidc(null, "herald-web", "openid"));
    assertThat(mode.issuerOrigin()).isEmpty();
  }

  @Test
  void anOriginIsSchemeHostAndPortOnly() {
    assertThat(SignInMode.origin("https://id.example.org:8443/a/b?c"))
        .contains("https://id.example.org:8443");
    assertThat(SignInMode.origin("javascript:alert(1)")).isEmpty();
    assertThat(SignInMode.origin("ftp://host/x")).isEmpty();
    assertThat(SignInMode.origin("not a url")).isEmpty();
  }
}
