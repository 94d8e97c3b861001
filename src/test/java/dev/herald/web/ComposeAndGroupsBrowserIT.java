package dev.herald.web;

import static dev.herald.testing.Herald.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Users;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Writing to people and groups from the page, and a group's members. */
class ComposeAndGroupsBrowserIT extends OneBrowserPerClass {
  final String me = Users.unique("mina");
  final String bob = Users.unique("bob");
  final String carol = Users.unique("carol");
  final String dave = Users.unique("dave");

  private WebElement shownError(String css) {
    return browser.until(
        d -> {
          WebElement e = browser.find(css);
          return e.isDisplayed() && !e.getText().isEmpty() ? e : null;
        });
  }

  private List<String> members(String group) {
    return as(me).get("api/conversations/" + group).json().getJsonArray("members").stream()
        .map(v -> ((JsonString) v).getString())
        .toList();
  }

  @Test
  void newMessageToSeveralPeopleOpensTheirConversation() {
    browser.signIn(me);
    browser.find("#new-message").click();
    browser.until(d -> browser.find("#dialog-compose").isDisplayed());

    browser.find("#compose-to").sendKeys("bob, not-a-name!");
    browser.find("#compose-body").sendKeys("kick-off at 10");
    browser.find("#compose-form button[type=submit]").click();
    assertThat(shownError("#compose-form [data-error-for=to]").getText())
        .startsWith("Recipients (no. 2) must be a user name");
    assertThat(browser.find("#compose-to").getAttribute("aria-invalid")).isEqualTo("true");

    browser.find("#compose-to").clear();
    browser.find("#compose-to").sendKeys(bob + ", " + carol);
    browser.find("#compose-subject").sendKeys("Kick-off");
    browser.find("#compose-form button[type=submit]").click();

    browser.until(d -> !browser.find("#dialog-compose").isDisplayed());
    browser.until(d -> browser.driver.getCurrentUrl().contains("/c/dm-"));
    browser.untilText("#history-list .msg-body", "kick-off at 10");
    browser.untilText("#conversation-title", bob + ", " + carol);
    JsonObject received = as(carol).get("api/inbox").json().getJsonArray("items").getJsonObject(0);
    assertThat(received.getString("subject")).isEqualTo("Kick-off");
    assertThat(received.getString("sender")).isEqualTo(me);
  }

  @Test
  void aNewGroupGetsMembersAddedAndRemovedAndMessagesFromTheDialog() {
    browser.signIn(me);
    browser.find("#new-group").click();
    browser.until(d -> browser.find("#dialog-group").isDisplayed());
    browser.find("#group-title").sendKeys("Launch team");
    browser.find("#group-members").sendKeys(bob + " " + carol);
    browser.find("#group-form button[type=submit]").click();

    browser.untilText("#conversation-title", "Launch team");
    String group = browser.driver.getCurrentUrl().replaceAll(".*/c/", "");
    assertThat(members(group)).containsExactlyInAnyOrder(me, bob, carol);
    browser.untilText("#conversation-subtitle", "3 members");

    browser.find("#conversation-members").click();
    browser.untilText("#members-list li", carol);
    browser.find("#members-user").sendKeys(dave);
    browser.find("#members-add button[type=submit]").click();
    browser.untilText("#members-list li", dave);
    browser.find("#members-list [data-remove='" + carol + "']").click();
    browser.until(d -> browser.all("#members-list li").size() == 3);
    assertThat(members(group)).containsExactlyInAnyOrder(me, bob, dave);

    browser.find("#members-user").sendKeys("no spaces allowed");
    browser.find("#members-add button[type=submit]").click();
    assertThat(shownError("#members-add [data-error-for=user]").getText())
        .startsWith("The user name must be a user name");
    browser.find("#dialog-members [data-close]").click();
    browser.untilText("#conversation-subtitle", "3 members: ");

    browser.find("#composer-body").sendKeys("welcome, " + dave + "\n");
    browser.untilText("#history-list .msg-body", "welcome, " + dave);
    browser.until(
        d ->
            as(dave).get("api/inbox").json().getJsonArray("items").stream()
                .anyMatch(i -> i.asJsonObject().getString("conversationId").equals(group)));

    // the new message dialog offers the group as a target too
    browser.find("#new-message").click();
    browser.find("#compose-form input[value=group]").click();
    new Select(browser.find("#compose-group")).selectByVisibleText("Launch team");
    browser.find("#compose-body").sendKeys("agenda attached");
    browser.find("#compose-form button[type=submit]").click();
    browser.untilText("#history-list .msg-body", "agenda attached");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/c/" + group);
  }
}
