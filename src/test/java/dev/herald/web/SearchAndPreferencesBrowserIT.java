package dev.herald.web;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.notifications.Alerts;
import dev.herald.notifications.MailServer;
import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Search (Korean included) and the notification preferences form. */
class SearchAndPreferencesBrowserIT extends OneBrowserPerClass {
  final String me = Users.unique("mina");
  final String bob = Users.unique("bob");
  final String address = me + "@herald.test";

  private WebElement error(String field) {
    return browser.until(
        d -> {
          WebElement e = browser.find("#prefs-form [data-error-for='" + field + "']");
          return e.isDisplayed() && !e.getText().isEmpty() ? e : null;
        });
  }

  @Test
  void searchFindsKoreanInsideWordsAndMarksTheMatch() {
    Seed.send(bob, List.of(me), "회의 안내", "내일 회의는 10시에 시작합니다.");
    Seed.send(me, bob, "회의록은 제가 정리할게요");
    Seed.send(bob, me, "lunch after the meeting?");
    browser.signIn(me);
    browser.find("[data-nav=search]").click();
    browser.find("#search-q").sendKeys("회의");
    browser.find("#search-form button[type=submit]").click();

    browser.untilText("#search-summary", "2 messages match “회의”.");
    assertThat(browser.texts("#search-results .result-body"))
        .containsExactlyInAnyOrder("내일 회의는 10시에 시작합니다.", "회의록은 제가 정리할게요");
    assertThat(browser.texts("#search-results mark")).containsOnly("회의");
    assertThat(browser.driver.getCurrentUrl()).contains("/search?q=%ED%9A%8C%EC%9D%98");
    browser.screenshot("04-search-korean");

    browser.find("#search-results .result-open").click();
    browser.untilText("#message-body", "회의");
  }

  @Test
  void preferencesShowEachRefusedFieldUnderItAndSave() {
    browser.signIn(me);
    browser.find("[data-nav=settings]").click();
    browser.at("/settings");
    browser.until(d -> browser.find("input[name=channels][value=log]").isSelected());

    browser.find("input[name=channels][value=email]").click();
    browser.find("input[name=channels][value=sms]").click();
    browser.find("#prefs-phone").sendKeys("010-1234");
    browser.find("#prefs-quiet").click();
    browser.find("#prefs-quiet-zone").clear();
    browser.find("#prefs-quiet-zone").sendKeys("Mars/Olympus");
    browser.find("#prefs-form button[type=submit]").click();

    // each field's own rules first
    assertThat(error("phone").getText())
        .isEqualTo("The phone number must be an E.164 phone number like +821012345678.");
    assertThat(browser.find("#prefs-phone").getAttribute("aria-invalid")).isEqualTo("true");
    browser.find("#prefs-phone").clear();
    browser.find("#prefs-phone").sendKeys("+821012345678");
    browser.find("#prefs-form button[type=submit]").click();

    // then the rules between fields
    assertThat(error("email").getText())
        .isEqualTo("The email address is required when the email channel is enabled.");
    assertThat(error("quietHours.timeZone").getText())
        .isEqualTo("Time zone must be an IANA time zone id.");
    assertThat(browser.find("#prefs-form [data-error-for=phone]").isDisplayed()).isFalse();
    browser.screenshot("05-preferences-errors");

    browser.find("#prefs-email").sendKeys(address);
    browser.find("#prefs-quiet-zone").clear();
    browser.find("#prefs-quiet-zone").sendKeys("Asia/Seoul");
    browser.find("#prefs-digest").clear();
    browser.find("#prefs-digest").sendKeys("15");
    browser.find("#prefs-form button[type=submit]").click();

    browser.untilText("#prefs-saved", "Saved.");
    assertThat(browser.all("#prefs-form [data-error-for]:not([hidden])")).isEmpty();
    JsonObject saved = as(me).get("api/me/preferences").json();
    assertThat(saved.getJsonArray("channels").toString()).isEqualTo("[\"email\",\"sms\",\"log\"]");
    assertThat(saved.getString("email")).isEqualTo(address);
    assertThat(saved.getString("phone")).isEqualTo("+821012345678");
    assertThat(saved.getJsonObject("quietHours").getString("timeZone")).isEqualTo("Asia/Seoul");
    assertThat(saved.getInt("digestMinutes")).isEqualTo(15);
    browser.screenshot("05-preferences");
  }

  @Test
  void anUnverifiedAddressAsksForTheCodeSentToItAndTakesIt() {
    MailServer.start();
    Alerts.prefer(me, "{\"channels\":[\"email\"],\"email\":\"" + address + "\"}");
    browser.signIn(me);
    browser.find("[data-nav=settings]").click();
    browser.at("/settings");
    browser.untilText(
        "#prefs-email-verify .verify-status", "Unverified — enter the code sent to it");

    browser.find("[data-send-code=email]").click();
    browser.untilText("#prefs-email-verify .verify-message", "A code is on its way.");
    String code = Alerts.awaitCode(address, () -> MailServer.codesFor(address));
    browser.find("#prefs-email-code").sendKeys(code.equals("000000") ? "000001" : "000000");
    browser.find("[data-confirm-code=email]").click();
    browser.untilText(
        "#prefs-email-verify .verify-message", "That is not the code sent; 4 tries left.");
    browser.screenshot("05-preferences-verify");

    browser.find("#prefs-email-code").clear();
    browser.find("#prefs-email-code").sendKeys(code);
    browser.find("[data-confirm-code=email]").click();

    browser.untilText("#prefs-email-verify .verify-status", "Verified: alerts go here.");
    assertThat(browser.find("#prefs-email-verify .verify-steps").isDisplayed()).isFalse();
    assertThat(as(me).get("api/me/preferences").json().getBoolean("emailVerified")).isTrue();
  }
}
