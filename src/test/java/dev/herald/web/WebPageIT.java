package dev.herald.web;

import static dev.herald.testing.Herald.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page over plain HTTP: what the server answers for its files, routes and configuration. */
class WebPageIT {

  @Test
  void servesThePageAtTheRootWithItsScriptsAsModules() {
    Reply page = anonymous().get("");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/js/main.js\"></script>");
    Reply script = anonymous().get("js/main.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.contentType()).isEqualToIgnoringCase("text/javascript;charset=UTF-8");
  }

  @Test
  void answersThePagesOwnAddressesWithThePage() {
    for (String path :
        List.of(
            "messages/0b7e6a5e-3c55-4f1e-9d0e-6d3a2f1b9c11",
            "c/dm-0123456789abcdef",
            "inbox",
            "search",
            "settings")) {
      Reply reply = anonymous().get(path);
      assertThat(reply.status()).as(path).isEqualTo(200);
      assertThat(reply.body()).as(path).contains("<title>Herald</title>");
    }
  }

  @Test
  void everyPageAnswerCarriesTheSecurityHeaders() {
    for (String path : List.of("", "messages/x", "js/main.js", "css/app.css", "nothing-here")) {
      Reply reply = anonymous().get(path);
      String policy = reply.header("Content-Security-Policy").orElse("");
      assertThat(policy).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline");
      assertThat(policy).as(path).contains("frame-ancestors 'none'");
      assertThat(reply.header("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(reply.header("Referrer-Policy")).as(path).contains("no-referrer");
    }
  }

  @Test
  void tellsThePageToUseDevTokensInDevelopmentWithoutAToken() {
    Reply config = anonymous().get("api/web/config");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.json().getString("signIn")).isEqualTo("dev");
    assertThat(config.json().containsKey("issuer")).isFalse();
  }

  @Test
  void linksThePageOfTheDevelopmentAlertSinks() {
    Reply config = anonymous().get("api/web/config");
    assertThat(config.json().getString("devAlerts")).matches("http://localhost:\\d+/");
  }

  @Test
  void unknownPathsStayProblemJson() {
    Reply missing = anonymous().get("js/nothing.js");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
  }
}
