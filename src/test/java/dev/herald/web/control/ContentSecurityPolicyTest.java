package dev.herald.web.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

  @Test
  void allowsNoInlineCodeAndNothingFromElsewhere() {
    String policy = ContentSecurityPolicy.of(Optional.empty());
    assertThat(policy)
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval")
        .doesNotContain("*")
        .contains("default-src 'none'", "script-src 'self'", "style-src 'self'")
        .contains("connect-src 'self';", "frame-ancestors 'none'", "object-src 'none'");
  }

  @Test
  void letsThePageFetchFromTheIdentityProvider() {
    assertThat(ContentSecurityPolicy.of(Optional.of("https://id.example.org")))
        .contains("connect-src 'self' https://id.example.org;");
  }
}
