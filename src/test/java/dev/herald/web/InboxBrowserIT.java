package dev.herald.web;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The inbox page: filters, one message's states, bulk "mark all read", the message's own page. */
class InboxBrowserIT extends OneBrowserPerClass {
  final String me = Users.unique("mina");
  final String bob = Users.unique("bob");
  final String carol = Users.unique("carol");

  private WebElement row(String text) {
    return browser.untilText("#inbox-list .inbox-item", text);
  }

  /** Presses one of a row's action buttons the way a mouse user does: hover, then click. */
  private void act(String rowText, String action) {
    // found again if the list re-renders on a live event between finding and clicking
    browser.until(
        d -> {
          WebElement row = row(rowText);
          WebElement button = row.findElement(By.cssSelector("button[data-action=" + action + "]"));
          new Actions(browser.driver).moveToElement(row).click(button).perform();
          return true;
        });
  }

  private List<String> rows() {
    return browser.texts("#inbox-list .inbox-item .inbox-snippet");
  }

  private JsonObject delivery(String messageId, String query) {
    return as(me)
        .get("api/inbox?limit=100&" + query)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(i -> i.getString("messageId").equals(messageId))
        .findFirst()
        .orElse(null);
  }

  @Test
  void filtersReadStatesArchiveSnoozeDeleteAndMarkAllRead() {
    String first = Seed.send(bob, List.of(me), "Quarterly review", "the numbers are in");
    String second = Seed.send(carol, me, "lunch on friday?");
    String third = Seed.send(bob, me, "see the draft");
    String fourth = Seed.send(carol, me, "one more thing");
    browser.signIn(me);
    browser.go("/inbox").at("/inbox");
    row("one more thing");
    assertThat(rows())
        .containsExactly(
            "one more thing", "see the draft", "lunch on friday?", "the numbers are in");
    browser.until(
        d -> {
          new Actions(browser.driver).moveToElement(row("see the draft")).perform();
          return true;
        });
    browser.screenshot("03-inbox");

    act("the numbers are in", "read");
    browser.until(d -> !row("the numbers are in").getAttribute("class").contains("unread"));
    assertThat(delivery(first, "").containsKey("readAt")).isTrue();

    act("lunch on friday?", "archive");
    browser.until(d -> !rows().contains("lunch on friday?"));
    assertThat(delivery(second, "archived=true").containsKey("archivedAt")).isTrue();

    act("see the draft", "snooze");
    browser.until(d -> browser.find("#dialog-snooze").isDisplayed());
    browser.find("#dialog-snooze [data-snooze='1h']").click();
    browser.until(d -> !rows().contains("see the draft"));
    assertThat(delivery(third, "snoozed=true").containsKey("snoozedUntil")).isTrue();

    browser.find("#view-inbox [data-filter=snoozed]").click();
    browser.at("/inbox?filter=snoozed");
    browser.untilText("#inbox-list .inbox-item .chip", "Snoozed until");
    act("see the draft", "unsnooze");
    browser.until(d -> rows().isEmpty());

    browser.find("#view-inbox [data-filter=archived]").click();
    browser.at("/inbox?filter=archived");
    row("lunch on friday?");
    assertThat(rows()).containsExactly("lunch on friday?");

    browser.find("#view-inbox [data-filter=unread]").click();
    browser.at("/inbox?filter=unread");
    browser.until(d -> rows().size() == 2);
    assertThat(rows()).containsExactly("one more thing", "see the draft");

    act("one more thing", "delete");
    browser.until(d -> browser.find("#dialog-confirm").isDisplayed());
    browser.find("#confirm-ok").click();
    browser.until(d -> rows().equals(List.of("see the draft")));
    assertThat(as(me).get("api/messages/" + fourth).status()).isEqualTo(404);

    browser.find("#inbox-read-all").click();
    browser.until(d -> rows().isEmpty());
    browser.until(d -> "Herald".equals(d.getTitle()));
    assertThat(Seed.counts(me).getInt("unread")).isZero();
    assertThat(browser.find("#inbox-empty").getText())
        .isEqualTo("All caught up: no unread messages.");
  }

  @Test
  void theEmailLinkLandsOnTheMessageAfterSigningInAndReadsIt() {
    String id = Seed.send(bob, List.of(me, carol), "Release notes", "Version 2 is out.\n\n— bob");
    browser.go("/");
    browser.js("sessionStorage.clear();");

    browser.go("/messages/" + id); // what the alert email links to
    browser.until(d -> browser.find("#signin-user").isDisplayed());
    browser.find("#signin-user").clear();
    browser.find("#signin-user").sendKeys(me);
    browser.find("#signin-dev button[type=submit]").click();

    browser.untilText("#message-subject", "Release notes");
    assertThat(browser.find("#message-body").getAttribute("textContent"))
        .isEqualTo("Version 2 is out.\n\n— bob");
    assertThat(browser.find("#message-to").getText()).isEqualTo(me + " (you), " + carol);
    assertThat(browser.driver.getCurrentUrl()).endsWith("/messages/" + id);
    browser.screenshot("06-message-page");
    browser.until(d -> delivery(id, "").containsKey("readAt"));

    browser.find("#message-unread").click();
    browser.untilText("#message-status", "Marked unread.");
    assertThat(delivery(id, "").containsKey("readAt")).isFalse();
  }

  @Test
  void aMessageThatIsNotYoursSaysSoInWords() {
    String id = Seed.send(bob, carol, "not for mina");
    browser.signIn(me);
    browser.go("/messages/" + id);
    WebElement error =
        browser.until(
            d -> {
              WebElement e = browser.find("#message-error");
              return e.isDisplayed() ? e : null;
            });
    assertThat(error.getText())
        .isEqualTo("This message does not exist, was deleted for you, or was not sent to you.");
    assertThat(browser.find("#message-card").isDisplayed()).isFalse();
  }
}
